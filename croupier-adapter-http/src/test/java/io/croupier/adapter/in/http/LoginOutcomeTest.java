package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.LoginLockedOut;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.web.router.RouteAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginOutcomeTest {

  private static MutableHttpResponse<?> response(HttpStatus status, RuntimeException exception) {
    MutableHttpResponse<?> response = HttpResponse.status(status);
    if (exception != null) {
      RouteAttributes.setException(response, exception);
    }
    return response;
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204})
  void readsSuccessFromTwoHundreds(int status) {
    // when
    var outcome = LoginOutcome.of(response(HttpStatus.valueOf(status), null));

    // then
    assertThat(outcome).hasValue(LoginOutcome.SUCCESS);
  }

  @Test
  void ignoresRedirectWithoutException() {
    // when
    var outcome = LoginOutcome.of(response(HttpStatus.MULTIPLE_CHOICES, null));

    // then
    assertThat(outcome).isEmpty();
  }

  @Test
  void readsFailureFromAuthenticationFailed() {
    // when
    var outcome = LoginOutcome.of(response(HttpStatus.UNAUTHORIZED, new AuthenticationFailed()));

    // then
    assertThat(outcome).hasValue(LoginOutcome.FAILURE);
  }

  @Test
  void readsLockedFromLockoutWhateverItsStatus() {
    // when
    var tooMany =
        LoginOutcome.of(
            response(HttpStatus.TOO_MANY_REQUESTS, new LoginLockedOut(Duration.ofMinutes(3))));
    var badRequest =
        LoginOutcome.of(
            response(HttpStatus.BAD_REQUEST, new LoginLockedOut(Duration.ofSeconds(1))));

    // then
    assertThat(tooMany).hasValue(LoginOutcome.LOCKED);
    assertThat(badRequest).hasValue(LoginOutcome.LOCKED);
  }

  @Test
  void ignoresOtherErrors() {
    // when
    var invalidToken = LoginOutcome.of(response(HttpStatus.UNAUTHORIZED, new InvalidToken()));
    var unprocessable = LoginOutcome.of(response(HttpStatus.UNPROCESSABLE_ENTITY, null));

    // then
    assertThat(invalidToken).isEmpty();
    assertThat(unprocessable).isEmpty();
  }

  @Test
  void tagsOutcomesInLowerCase() {
    assertThat(LoginOutcome.SUCCESS.tag()).isEqualTo("success");
    assertThat(LoginOutcome.FAILURE.tag()).isEqualTo("failure");
    assertThat(LoginOutcome.LOCKED.tag()).isEqualTo("locked");
  }
}
