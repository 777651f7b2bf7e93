package io.croupier.application.port.out;

/**
 * Action that an audit event records, with the stable snake_case {@link #code()} that stores keep.
 */
public enum AuditAction {
  ORGANIZATION_CREATED("organization_created"),
  ORGANIZATION_UPDATED("organization_updated"),
  ORGANIZATION_DELETED("organization_deleted"),
  LOGIN_SUCCEEDED("login_succeeded"),
  LOGIN_FAILED("login_failed"),
  /** A refresh token was exchanged for new tokens. */
  REFRESH("refresh"),
  /** A rotated or revoked refresh token was presented again, and its session was revoked. */
  REFRESH_REUSE("refresh_reuse"),
  LOGOUT("logout"),
  /** A failed login reached a login limit, so that further logins are rejected for a while. */
  LOCKOUT("lockout"),
  /** An operator cleared the login failures of an account. */
  LOCKOUT_CLEARED("lockout_cleared");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  /** Returns the snake_case name, such as {@code organization_created}. */
  public String code() {
    return code;
  }

  /**
   * Returns the action with the code.
   *
   * @throws IllegalArgumentException if no action has it
   */
  public static AuditAction fromCode(String code) {
    for (AuditAction action : values()) {
      if (action.code.equals(code)) {
        return action;
      }
    }
    throw new IllegalArgumentException("Unknown audit action '" + code + "'");
  }
}
