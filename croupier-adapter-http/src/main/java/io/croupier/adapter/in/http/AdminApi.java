package io.croupier.adapter.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OpenAPI description of the admin endpoints, which {@link AdminController} implements. The
 * annotations here only document; routing and binding are on the controller.
 */
@Tag(name = "Admin")
interface AdminApi {

  @Operation(
      operationId = "logIn",
      summary = "Log an admin in and issue an access token",
      description =
          "Checks the email and password with exactly one bcrypt verification, whether the email"
              + " exists or not, and returns an HS256 JWT for the `Authorization: Bearer` header.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LoginRequest.class),
              examples = @ExampleObject(name = "acme admin", value = ApiExamples.LOGIN_REQUEST)))
  @ApiResponse(
      responseCode = "200",
      description = "Logged in",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenResponse.class),
              examples = @ExampleObject(name = "token", value = ApiExamples.TOKEN)))
  @ApiResponse(
      responseCode = "400",
      description = "The body is missing, not valid UTF-8 or not well-formed JSON",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_BODY)))
  @ApiResponse(
      responseCode = "401",
      description = "The email or the password is wrong; the body does not say which",
      headers = @Header(name = "WWW-Authenticate", description = "Bearer"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "wrong credentials",
                      value = ApiExamples.AUTHENTICATION_FAILED)))
  @ApiResponse(
      responseCode = "413",
      description = "The body is larger than 16 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "too large", value = ApiExamples.BODY_TOO_LARGE)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not sent as application/json",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not JSON", value = ApiExamples.UNSUPPORTED_MEDIA_TYPE)))
  @ApiResponse(
      responseCode = "422",
      description = "The email or the password is missing or not a JSON string",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "missing password", value = ApiExamples.INVALID_LOGIN)))
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many failed logins for this email or from this address; no password check ran",
      headers = @Header(name = "Retry-After", description = "Seconds until a login may succeed"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "locked out", value = ApiExamples.LOCKED_OUT)))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or too many password checks are waiting; no password"
              + " check ran for this request",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "server busy", value = ApiExamples.SERVER_BUSY)
              }))
  TokenResponse login(HttpRequest<?> request, byte[] body);

  @Operation(
      operationId = "refreshSession",
      summary = "Exchange a refresh token for a new access token and refresh token",
      description =
          "Rotates the refresh token: the one presented stops working. Presenting a refresh token"
              + " that was already rotated revokes its whole session.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefreshRequest.class),
              examples = @ExampleObject(name = "refresh", value = ApiExamples.REFRESH_REQUEST)))
  @ApiResponse(
      responseCode = "200",
      description = "A new access token and refresh token",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenResponse.class),
              examples = @ExampleObject(name = "token", value = ApiExamples.TOKEN)))
  @ApiResponse(
      responseCode = "400",
      description = "The body is missing, not valid UTF-8 or not well-formed JSON",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_BODY)))
  @ApiResponse(
      responseCode = "401",
      description = "The refresh token is unknown, expired, rotated or revoked",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "invalid refresh token",
                      value = ApiExamples.INVALID_REFRESH_TOKEN)))
  @ApiResponse(
      responseCode = "413",
      description = "The body is larger than 16 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "too large", value = ApiExamples.BODY_TOO_LARGE)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not sent as application/json",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not JSON", value = ApiExamples.UNSUPPORTED_MEDIA_TYPE)))
  @ApiResponse(
      responseCode = "422",
      description = "The refresh token is missing or not a JSON string",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID_FIELDS)))
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
  TokenResponse refresh(HttpRequest<?> request, byte[] body);

  @Operation(
      operationId = "logOut",
      summary = "Revoke the bearer token and its session",
      description =
          "Revokes the access token until it would have expired, and every refresh token and"
              + " access token of its session.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "204", description = "Logged out")
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
      responseCode = "503",
      description = "The database is unavailable",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE)))
  void logout(HttpRequest<?> request);
}
