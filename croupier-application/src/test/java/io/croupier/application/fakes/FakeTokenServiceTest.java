package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeTokenServiceTest {

  private final TestClock clock = new TestClock();
  private final FakeTokenService tokens = new FakeTokenService(clock, new FailurePlan());
  private final TokenSubject subject =
      new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 3);

  @Test
  void verifiesIssuedToken() {
    // given
    IssuedToken issued = tokens.issue(subject);

    // when
    TokenClaims claims = tokens.verify(issued.token());

    // then
    assertThat(claims.adminId()).isEqualTo("admin-1");
    assertThat(claims.organizationId()).isEqualTo("org-1");
    assertThat(claims.organizationName()).isEqualTo("acme");
    assertThat(claims.credentialsVersion()).isEqualTo(3);
    assertThat(claims.expiresAt()).isEqualTo(issued.expiresAt());
  }

  @Test
  void acceptsTokenJustBeforeExpiry() {
    // given
    IssuedToken issued = tokens.issue(subject);
    clock.advance(FakeTokenService.DEFAULT_LIFETIME.minus(Duration.ofMillis(1)));

    // when
    TokenClaims claims = tokens.verify(issued.token());

    // then
    assertThat(claims.adminId()).isEqualTo("admin-1");
  }

  @Test
  void rejectsTokenAtExpiry() {
    // given
    IssuedToken issued = tokens.issue(subject);
    clock.advance(FakeTokenService.DEFAULT_LIFETIME);

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> tokens.verify(issued.token()));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "garbage",
        "fake-token.a.b.c.d.1.2",
        "fake-token.a.b.c.d.x.2.3",
        "fake-token..b.c.d.1.2.3",
        "other-prefix.a.b.c.d.1.2.3"
      })
  void rejectsMalformedToken(String token) {
    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> tokens.verify(token));
  }

  @Test
  void encodeRejectsClaimWithSeparator() {
    // given
    TokenClaims claims =
        new TokenClaims(
            "id", "admin.1", "org-1", "acme", 1, clock.instant(), clock.instant().plusSeconds(1));

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> FakeTokenService.encode(claims));
  }
}
