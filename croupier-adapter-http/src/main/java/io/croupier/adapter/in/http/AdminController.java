package io.croupier.adapter.in.http;

import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.LogOutUseCase;
import io.croupier.application.port.in.RefreshSessionUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Admin session endpoints under {@code /admin}: login, refresh and logout. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminController implements AdminApi {

  private final LogInUseCase logIn;
  private final RefreshSessionUseCase refreshSession;
  private final LogOutUseCase logOut;
  private final JsonBodyReader bodies;
  private final RequestOrigins origins;

  public AdminController(
      LogInUseCase logIn,
      RefreshSessionUseCase refreshSession,
      LogOutUseCase logOut,
      JsonBodyReader bodies,
      RequestOrigins origins) {
    this.logIn = logIn;
    this.refreshSession = refreshSession;
    this.logOut = logOut;
    this.bodies = bodies;
    this.origins = origins;
  }

  @Override
  @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON)
  public TokenResponse login(HttpRequest<?> request, @Nullable @Body byte[] body) {
    LoginRequest login = bodies.read(request, body, LoginRequest.class);
    return TokenResponse.from(logIn.logIn(login.email(), login.password(), origins.of(request)));
  }

  @Override
  @Post(uri = "/refresh", consumes = MediaType.APPLICATION_JSON)
  public TokenResponse refresh(HttpRequest<?> request, @Nullable @Body byte[] body) {
    RefreshRequest refresh = bodies.read(request, body, RefreshRequest.class);
    return TokenResponse.from(refreshSession.refresh(refresh.refreshToken(), origins.of(request)));
  }

  /** Revokes the bearer token and its session; a body, if any, is ignored. */
  @Override
  @Post(uri = "/logout", consumes = MediaType.ALL)
  @Status(HttpStatus.NO_CONTENT)
  public void logout(HttpRequest<?> request) {
    logOut.logOut(BearerTokens.required(request), origins.of(request));
  }
}
