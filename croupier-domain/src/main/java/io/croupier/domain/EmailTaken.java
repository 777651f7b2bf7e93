package io.croupier.domain;

/** Another admin already signs in with the email address. */
public final class EmailTaken extends DomainException {

  private final EmailAddress email;

  public EmailTaken(EmailAddress email) {
    super("Email '" + email.value() + "' already exists; use another email address");
    this.email = email;
  }

  public EmailAddress email() {
    return email;
  }
}
