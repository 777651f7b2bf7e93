package io.croupier.adapter.in.http;

import io.croupier.application.port.in.LogInUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Admin endpoints under {@code /admin}. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminController implements AdminApi {

  private final LogInUseCase logIn;
  private final JsonBodyReader bodies;

  public AdminController(LogInUseCase logIn, JsonBodyReader bodies) {
    this.logIn = logIn;
    this.bodies = bodies;
  }

  @Override
  @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON)
  public TokenResponse login(HttpRequest<?> request, @Nullable @Body String body) {
    LoginRequest login = bodies.read(request, body, LoginRequest.class);
    return TokenResponse.from(logIn.logIn(login.email(), login.password()));
  }
}
