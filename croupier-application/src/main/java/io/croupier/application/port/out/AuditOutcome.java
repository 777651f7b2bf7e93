package io.croupier.application.port.out;

/** Whether the audited action succeeded; {@link #code()} is the name stores keep. */
public enum AuditOutcome {
  SUCCESS("success"),
  FAILURE("failure");

  private final String code;

  AuditOutcome(String code) {
    this.code = code;
  }

  /** Returns the lower-case name, such as {@code success}. */
  public String code() {
    return code;
  }

  /**
   * Returns the outcome with the code.
   *
   * @throws IllegalArgumentException if no outcome has it
   */
  public static AuditOutcome fromCode(String code) {
    for (AuditOutcome outcome : values()) {
      if (outcome.code.equals(code)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("Unknown audit outcome '" + code + "'");
  }
}
