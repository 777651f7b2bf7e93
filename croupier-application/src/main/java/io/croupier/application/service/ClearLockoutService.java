package io.croupier.application.service;

import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Clears the login failures of an account, for an operator. */
public final class ClearLockoutService implements ClearLockoutUseCase {

  private final LoginFailureLog loginFailures;
  private final AdminRepository admins;
  private final OrganizationRepository organizations;
  private final AuditTrail audit;

  public ClearLockoutService(
      LoginFailureLog loginFailures,
      AdminRepository admins,
      OrganizationRepository organizations,
      AuditLog auditLog,
      Clock clock) {
    this.loginFailures = Objects.requireNonNull(loginFailures, "loginFailures");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public void clear(EmailAddress email, RequestOrigin origin) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(origin, "origin");
    loginFailures.clear(LoginThrottle.accountKey(email.value()));

    Optional<Organization> organization =
        admins.findByEmail(email).flatMap(admin -> organizations.findById(admin.organizationId()));
    audit.record(
        new Subject(
            AuditAction.LOCKOUT_CLEARED,
            AuditOutcome.SUCCESS,
            AuditEvent.OPERATOR,
            organization.map(Organization::id).orElse(null),
            organization.map(found -> found.name().value()).orElse(null),
            origin));
  }
}
