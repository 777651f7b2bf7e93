package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.InvalidField;
import io.micronaut.http.annotation.Error;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemRoutesTest {

  /** Returns the exception types of the global error routes that take the exception. */
  private static List<Class<? extends Throwable>> routesTaking(Throwable exception) {
    return Arrays.stream(ProblemRoutes.class.getDeclaredMethods())
        .map(method -> method.getAnnotation(Error.class))
        .filter(route -> route != null && route.global())
        .<Class<? extends Throwable>>map(Error::exception)
        .filter(type -> type.isInstance(exception))
        .toList();
  }

  @Test
  void domainExceptionHasOneRoute() {
    assertThat(routesTaking(new EmailTaken(EmailAddress.of("admin@acme.example")))).hasSize(1);
  }

  @Test
  void invalidFieldHasOneRoute() {
    assertThat(routesTaking(new InvalidField("email", "Email is invalid"))).hasSize(1);
  }

  @Test
  void hashingBusyHasOneRoute() {
    assertThat(routesTaking(new PasswordHashingBusy(1))).hasSize(1);
  }

  @Test
  void storeUnavailableHasOneRoute() {
    assertThat(routesTaking(new StoreUnavailable("Reading", null))).hasSize(1);
  }

  @Test
  void invalidRequestHasOneRoute() {
    assertThat(routesTaking(new InvalidRequest(List.of()))).hasSize(1);
  }

  @Test
  void malformedBodyHasOneRoute() {
    assertThat(routesTaking(new MalformedBody("Body is not JSON", null))).hasSize(1);
  }

  @Test
  void bodyTooLargeHasOneRoute() {
    assertThat(routesTaking(new BodyTooLarge("Body is over 16 KiB"))).hasSize(1);
  }

  @Test
  void unsupportedMediaTypeHasOneRoute() {
    assertThat(routesTaking(new UnsupportedMediaType("Send application/json"))).hasSize(1);
  }

  @Test
  void unexpectedExceptionHasNoRoute() {
    assertThat(routesTaking(new IllegalStateException("bug"))).isEmpty();
  }

  @Test
  void everyRouteTakesRequestAndItsException() {
    for (Method method : ProblemRoutes.class.getDeclaredMethods()) {
      Error route = method.getAnnotation(Error.class);
      if (route != null) {
        assertThat(method.getParameterTypes()[1]).isEqualTo(route.exception());
      }
    }
  }
}
