package io.croupier.benchmarks;

import io.croupier.adapter.out.security.JwtTokenService;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.OrganizationName;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link JwtTokenService}: verifying an access token, which every authenticated
 * request runs, and issuing one, which every login runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBenchmark {

  private JwtTokenService tokens;
  private TokenSubject subject;
  private String token;

  /** Creates a service with a random 32-byte key and issues the token to verify. */
  @Setup
  public void issueToken() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    tokens = new JwtTokenService(SigningKey.fromBytes(secret), Clock.systemUTC());
    subject =
        new TokenSubject(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            OrganizationName.of("bench"),
            1,
            UUID.randomUUID().toString());
    token = tokens.issue(subject).token();
  }

  /** Verifies the signature and claims of a valid token. */
  @Benchmark
  public TokenClaims verify() {
    return tokens.verify(token);
  }

  /** Signs a new token for the same subject. */
  @Benchmark
  public IssuedToken issue() {
    return tokens.issue(subject);
  }
}
