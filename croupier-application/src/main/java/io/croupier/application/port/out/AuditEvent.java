package io.croupier.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the audit log. {@code organizationId} and {@code organizationName} are the
 * organization the event concerns, under the name it had then, or null when no organization is
 * known, as for a failed login with an unknown email. {@code actor} is the admin id when the admin
 * is known, else the login email as entered after trimming and lower-casing, or {@value #OPERATOR}
 * for an operator. {@code clientAddress} and {@code requestId} are null when unknown. {@code
 * changedFields} names the changed fields of an update ({@code organization_name}, {@code email},
 * {@code password}), never their values, and for a lockout the limit reached ({@code account} or
 * {@code client_address}). No field ever contains a password, hash or token.
 */
public record AuditEvent(
    String id,
    Instant time,
    String organizationId,
    String organizationName,
    String actor,
    AuditAction action,
    AuditOutcome outcome,
    String clientAddress,
    String requestId,
    List<String> changedFields) {

  /** Actor of an event caused by an operator rather than an admin. */
  public static final String OPERATOR = "operator";

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    changedFields = List.copyOf(changedFields);
  }

  /** Returns the position of this event in the newest-first order of its organization. */
  public AuditPosition position() {
    return new AuditPosition(time, id);
  }
}
