package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationNotFound;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.Router;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exceptions of the use cases reach the problem handler through global error routes, which the
 * router finds, rather than through a query for an exception handler bean, which the bean context
 * cannot cache. The tests of each endpoint check the responses themselves.
 */
class ErrorRoutesHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer(Map.of());

  private static boolean hasErrorRoute(Throwable exception) {
    Router router = server.bean(Router.class);
    return router.findErrorRoute(exception, HttpRequest.GET("/org/get")).isPresent();
  }

  @Test
  void organizationNotFoundHasErrorRoute() {
    assertThat(hasErrorRoute(new OrganizationNotFound("acme"))).isTrue();
  }

  @Test
  void invalidTokenHasErrorRoute() {
    assertThat(hasErrorRoute(new InvalidToken())).isTrue();
  }

  @Test
  void hashingBusyHasErrorRoute() {
    assertThat(hasErrorRoute(new PasswordHashingBusy(1))).isTrue();
  }

  @Test
  void storeUnavailableHasErrorRoute() {
    assertThat(hasErrorRoute(new StoreUnavailable("Reading", new RuntimeException()))).isTrue();
  }

  @Test
  void unexpectedExceptionHasNoErrorRoute() {
    assertThat(hasErrorRoute(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void missingOrganizationStillGetsProblemAnswer() {
    // when
    Reply reply = server.send("GET", "/org/get?organization_name=no-such-org", null);

    // then
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
  }
}
