package io.croupier.adapter.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OpenAPI description of the audit endpoint, which {@link AuditController} implements. The
 * annotations here only document; routing and binding are on the controller.
 */
@Tag(name = "Audit")
interface AuditApi {

  @Operation(
      operationId = "listAuditEvents",
      summary = "Page through the caller's organization's audit events, newest first",
      description =
          "Each event names the actor, action, outcome, client address and request id; an update"
              + " lists which fields changed, never their values.",
      security = @SecurityRequirement(name = "bearer"))
  @Parameter(
      name = AuditController.LIMIT,
      in = ParameterIn.QUERY,
      description = "Events per page, 1 to 200; 50 when absent",
      schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
  @Parameter(
      name = AuditController.CURSOR,
      in = ParameterIn.QUERY,
      description = "The next_cursor of the previous page; the first page when absent",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "200",
      description = "One page of events",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AuditPageResponse.class),
              examples = @ExampleObject(name = "page", value = ApiExamples.AUDIT_PAGE)))
  @ApiResponse(
      responseCode = "401",
      description = "The bearer token is missing, invalid, expired or revoked",
      headers = @Header(name = "WWW-Authenticate", description = "Bearer error=\"invalid_token\""),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid token", value = ApiExamples.INVALID_TOKEN)))
  @ApiResponse(
      responseCode = "422",
      description = "The limit or the cursor is invalid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "invalid limit", value = ApiExamples.INVALID_AUDIT_QUERY)))
  @ApiResponse(
      responseCode = "503",
      description = "The database is unavailable",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE)))
  AuditPageResponse audit(HttpRequest<?> request, String limit, String cursor);
}
