package io.croupier.bootstrap.http;

/**
 * An organization created over HTTP, with the ids and the access and refresh tokens its admin got
 * at login.
 */
record Tenant(
    NewOrganization input,
    String organizationId,
    String adminId,
    String token,
    String refreshToken) {

  String name() {
    return input.name();
  }

  String email() {
    return input.email();
  }

  String password() {
    return input.password();
  }

  String collectionName() {
    return "org_" + input.name();
  }

  @Override
  public String toString() {
    return "Tenant[name=" + name() + ", organizationId=" + organizationId + "]";
  }
}
