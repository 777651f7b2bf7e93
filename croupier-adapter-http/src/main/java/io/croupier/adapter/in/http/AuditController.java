package io.croupier.adapter.in.http;

import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.domain.InvalidField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/** {@code GET /org/audit}: the audit events of the caller's own organization, newest first. */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AuditController implements AuditApi {

  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";

  private final ListAuditEventsUseCase listAuditEvents;
  private final AuthenticateTokenUseCase authenticateToken;

  public AuditController(
      ListAuditEventsUseCase listAuditEvents, AuthenticateTokenUseCase authenticateToken) {
    this.listAuditEvents = listAuditEvents;
    this.authenticateToken = authenticateToken;
  }

  /**
   * Returns one page. Without {@code limit} a page has {@value
   * ListAuditEventsUseCase#DEFAULT_LIMIT} events; without {@code cursor} it is the first page.
   */
  @Override
  @Get("/audit")
  public AuditPageResponse audit(
      HttpRequest<?> request,
      @Nullable @QueryValue(LIMIT) String limit,
      @Nullable @QueryValue(CURSOR) String cursor) {
    AuthenticatedAdmin caller = authenticateToken.authenticate(BearerTokens.required(request));
    int pageSize = parseLimit(limit);

    return AuditPageResponse.from(
        listAuditEvents.listOwn(caller, Optional.ofNullable(cursor), pageSize));
  }

  private static int parseLimit(String raw) {
    if (raw == null) {
      return ListAuditEventsUseCase.DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException notANumber) {
      throw new InvalidField(
          LIMIT,
          "Limit '"
              + raw
              + "' is not a whole number; use 1 to "
              + ListAuditEventsUseCase.MAX_LIMIT);
    }
  }
}
