package io.croupier.application.service;

import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.Organization;
import io.croupier.domain.Password;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Logs an admin in and starts a session. Every attempt that passes the login limits runs exactly
 * one hash verification, against a decoy hash when the email is unknown, and one organization read,
 * of an id that no organization has when the email is unknown. A failed attempt therefore costs the
 * same work and the same store reads whether or not its email exists, so that the response time
 * does not reveal which emails exist. An attempt past a limit runs none and is not recorded in the
 * audit log, so that repeated attempts on a locked account cannot flood the log. The {@code
 * lockout} event marks when the limit was reached.
 *
 * <p>While the hasher is at capacity, an attempt throws {@link PasswordHashingBusy} before it reads
 * or writes anything. One that the hasher rejects later, during its verification, withdraws its
 * records, so that a rejection for load never counts as a failed login.
 */
public final class LogInService implements LogInUseCase {

  /** Lifetime of a session's refresh tokens when none is configured. */
  public static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);

  private final AdminRepository admins;
  private final OrganizationRepository organizations;
  private final PasswordHasher hasher;
  private final SessionTokens sessions;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final Duration refreshTokenLifetime;
  private final Clock clock;
  private final String decoyHash;
  private final String decoyOrganizationId;

  /**
   * Creates the service; computes the decoy hash once, at the configured hashing cost.
   *
   * @param refreshTokenLifetime how long a session lasts from login: every refresh token of the
   *     session expires then, however often it is rotated
   * @throws IllegalArgumentException if the refresh-token lifetime is not positive
   */
  public LogInService(
      AdminRepository admins,
      OrganizationRepository organizations,
      PasswordHasher hasher,
      TokenIssuer tokenIssuer,
      RefreshTokenStore refreshTokens,
      LoginFailureLog loginFailures,
      AuditLog auditLog,
      LoginLimits limits,
      Duration refreshTokenLifetime,
      Clock clock) {
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.sessions = new SessionTokens(tokenIssuer, refreshTokens);
    this.throttle = new LoginThrottle(loginFailures, limits);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    if (refreshTokenLifetime.isZero() || refreshTokenLifetime.isNegative()) {
      throw new IllegalArgumentException(
          "Refresh-token lifetime must be positive, was " + refreshTokenLifetime);
    }
    this.refreshTokenLifetime = refreshTokenLifetime;
    this.decoyHash = hasher.hash(Password.of("Decoy1" + UUID.randomUUID()));
    this.decoyOrganizationId = UUID.randomUUID().toString();
  }

  @Override
  public LoginResult logIn(String email, String password, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    hasher.checkCapacity();
    Instant now = clock.instant();
    LoginThrottle.Attempt attempt = throttle.begin(email, origin.clientAddress(), now);

    Password candidate = Password.candidate(password);
    Optional<AdminUser> admin = parseEmail(email).flatMap(admins::findByEmail);
    boolean matches = verify(attempt, candidate, admin);
    Optional<Organization> stored =
        organizations.findById(admin.map(AdminUser::organizationId).orElse(decoyOrganizationId));
    Optional<Organization> organization =
        stored.filter(found -> matches && admin.isPresent()).filter(Organization::isActive);
    if (organization.isEmpty()) {
      throw rejected(attempt, email, admin, stored, origin);
    }
    throttle.succeeded(attempt);

    AdminUser current = rehashIfNeeded(admin.get(), candidate);
    String sessionId = UUID.randomUUID().toString();
    Instant refreshExpiresAt = now.plus(refreshTokenLifetime);
    String refreshToken = sessions.storeRefreshToken(current, sessionId, now, refreshExpiresAt);
    LoginResult result =
        sessions.result(current, organization.get(), sessionId, refreshToken, refreshTokenLifetime);

    audit.record(
        Subject.success(AuditAction.LOGIN_SUCCEEDED, current.id(), organization.get(), origin));
    return result;
  }

  /**
   * Runs the one hash verification of the attempt, against the decoy hash when the email is
   * unknown. Withdraws the attempt if the hasher rejects the verification for load.
   */
  private boolean verify(
      LoginThrottle.Attempt attempt, Password candidate, Optional<AdminUser> admin) {
    try {
      return hasher.matches(candidate, admin.map(AdminUser::passwordHash).orElse(decoyHash));
    } catch (PasswordHashingBusy busy) {
      throttle.withdraw(attempt);
      throw busy;
    }
  }

  /**
   * Records the failure and every limit it reached, and returns the exception to throw. Reads
   * nothing from the store, so that every failed attempt costs the same reads.
   */
  private AuthenticationFailed rejected(
      LoginThrottle.Attempt attempt,
      String email,
      Optional<AdminUser> admin,
      Optional<Organization> stored,
      RequestOrigin origin) {
    List<String> limitsReached = throttle.failed(attempt);

    String actor = admin.map(AdminUser::id).orElse(LoginThrottle.loginName(email));
    String organizationId = admin.map(AdminUser::organizationId).orElse(null);
    String organizationName =
        admin.isPresent() ? stored.map(found -> found.name().value()).orElse(null) : null;
    audit.record(
        new Subject(
            AuditAction.LOGIN_FAILED,
            AuditOutcome.FAILURE,
            actor,
            organizationId,
            organizationName,
            origin));
    for (String limit : limitsReached) {
      audit.record(
          new Subject(
              AuditAction.LOCKOUT,
              AuditOutcome.FAILURE,
              actor,
              organizationId,
              organizationName,
              origin),
          List.of(limit));
    }
    return new AuthenticationFailed();
  }

  /**
   * Stores a new hash of the password when the hasher reports that the stored one needs it, without
   * a new credentials version, so that tokens stay valid. Nothing changes if the stored hash
   * changed meanwhile, or if the hasher is at capacity, because a later login re-hashes as well.
   */
  private AdminUser rehashIfNeeded(AdminUser admin, Password password) {
    if (!hasher.needsRehash(admin.passwordHash())) {
      return admin;
    }
    String newHash;
    try {
      newHash = hasher.hash(password);
    } catch (PasswordHashingBusy busy) {
      return admin;
    }
    boolean replaced = admins.replacePasswordHash(admin.id(), admin.passwordHash(), newHash);
    return replaced ? admin.withRehashedPassword(newHash) : admin;
  }

  private static Optional<EmailAddress> parseEmail(String raw) {
    try {
      return Optional.of(EmailAddress.of(raw));
    } catch (InvalidField invalid) {
      // An address that cannot be valid belongs to no admin; it fails like an unknown one.
      return Optional.empty();
    }
  }
}
