package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.application.port.out.TokenVerifier;
import io.croupier.domain.InvalidToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Unsigned, readable access tokens: {@code fake-token.<token id>.<admin id>.<organization
 * id>.<organization name>.<credentials version>.<issued at>.<expires at>}, with both times in epoch
 * milliseconds, followed by {@code .<session id>} for a token of a session. Verification accepts
 * any well-formed token that has not expired on the clock, so a test can forge claims with {@link
 * #encode}; anything else raises {@link InvalidToken}.
 */
public final class FakeTokenService implements TokenIssuer, TokenVerifier {

  /** Lifetime of the tokens of a service created without one. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);

  private static final String PREFIX = "fake-token";
  private static final String SEPARATOR = ".";
  private static final int PARTS = 8;
  private static final int PARTS_WITH_SESSION = 9;

  private final Clock clock;
  private final FailurePlan failures;
  private final Duration lifetime;

  public FakeTokenService(Clock clock, FailurePlan failures) {
    this(clock, failures, DEFAULT_LIFETIME);
  }

  public FakeTokenService(Clock clock, FailurePlan failures, Duration lifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** Returns the lifetime of every token this service issues. */
  @Override
  public Duration lifetime() {
    return lifetime;
  }

  @Override
  public IssuedToken issue(TokenSubject subject) {
    failures.check(Operation.TOKEN_ISSUE);
    Instant now = clock.instant();
    TokenClaims claims =
        new TokenClaims(
            UUID.randomUUID().toString(),
            subject.adminId(),
            subject.organizationId(),
            subject.organizationName().value(),
            subject.credentialsVersion(),
            now,
            now.plus(lifetime),
            subject.sessionId());
    return new IssuedToken(encode(claims), claims.issuedAt(), claims.expiresAt());
  }

  @Override
  public TokenClaims verify(String token) {
    failures.check(Operation.TOKEN_VERIFY);
    TokenClaims claims = decode(token);
    if (!clock.instant().isBefore(claims.expiresAt())) {
      throw new InvalidToken();
    }
    return claims;
  }

  /**
   * Encodes claims the way {@link #issue} does, for tests that need a token with chosen claims.
   *
   * @throws IllegalArgumentException if a text claim is empty or contains a dot
   */
  public static String encode(TokenClaims claims) {
    List<String> texts =
        Stream.of(
                claims.tokenId(),
                claims.adminId(),
                claims.organizationId(),
                Objects.requireNonNull(claims.organizationName(), "organizationName"),
                claims.sessionId())
            .filter(Objects::nonNull)
            .toList();
    for (String text : texts) {
      if (text.isEmpty() || text.contains(SEPARATOR)) {
        throw new IllegalArgumentException("Claim '" + text + "' must be non-empty without dots");
      }
    }
    String encoded =
        String.join(
            SEPARATOR,
            PREFIX,
            claims.tokenId(),
            claims.adminId(),
            claims.organizationId(),
            claims.organizationName(),
            Long.toString(claims.credentialsVersion()),
            Long.toString(Objects.requireNonNull(claims.issuedAt(), "issuedAt").toEpochMilli()),
            Long.toString(claims.expiresAt().toEpochMilli()));
    return claims.sessionId() == null ? encoded : encoded + SEPARATOR + claims.sessionId();
  }

  private static TokenClaims decode(String token) {
    if (token == null) {
      throw new InvalidToken();
    }
    String[] parts = token.split("\\.", -1);
    boolean withSession = parts.length == PARTS_WITH_SESSION;
    if ((parts.length != PARTS && !withSession) || !parts[0].equals(PREFIX)) {
      throw new InvalidToken();
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw new InvalidToken();
      }
    }
    try {
      return new TokenClaims(
          parts[1],
          parts[2],
          parts[3],
          parts[4],
          Long.parseLong(parts[5]),
          Instant.ofEpochMilli(Long.parseLong(parts[6])),
          Instant.ofEpochMilli(Long.parseLong(parts[7])),
          withSession ? parts[8] : null);
    } catch (NumberFormatException malformed) {
      throw new InvalidToken();
    }
  }
}
