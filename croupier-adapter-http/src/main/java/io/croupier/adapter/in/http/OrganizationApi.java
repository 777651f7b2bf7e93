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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OpenAPI description of the organization endpoints, which {@link OrganizationController}
 * implements. The annotations here only document; routing and binding are on the controller.
 */
@Tag(name = "Organizations")
interface OrganizationApi {

  @Operation(
      operationId = "createOrganization",
      summary = "Create an organization and its admin",
      description =
          "Creates the organization, its admin with a bcrypt-hashed password, and the storage"
              + " of its data in the tier it names, or in the server's default tier: `shared`"
              + " (one collection for every organization of the tier), `collection` (its own"
              + " collection `org_<name>`) or `database` (its own database). The name is trimmed,"
              + " NFKC-normalized and lower-cased first; the email is trimmed and lower-cased.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateOrganizationRequest.class),
              examples = {
                @ExampleObject(name = "acme", value = ApiExamples.CREATE_REQUEST),
                @ExampleObject(name = "own database", value = ApiExamples.CREATE_REQUEST_WITH_TIER)
              }))
  @ApiResponse(
      responseCode = "201",
      description = "Created; the body includes the admin email",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganizationResponse.class),
              examples =
                  @ExampleObject(name = "created", value = ApiExamples.ORGANIZATION_FOR_ADMIN)))
  @ApiResponse(
      responseCode = "400",
      description = "The body is missing, not valid UTF-8 or not well-formed JSON",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_BODY)))
  @ApiResponse(
      responseCode = "409",
      description = "The name or the email already exists",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "name taken", value = ApiExamples.NAME_TAKEN),
                @ExampleObject(name = "email taken", value = ApiExamples.EMAIL_TAKEN)
              }))
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
      description = "A field is missing, of the wrong JSON type or breaks its rule",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID_FIELDS)))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or too many password hashes are waiting, in which case"
              + " nothing changed",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "server busy", value = ApiExamples.SERVER_BUSY)
              }))
  OrganizationResponse create(HttpRequest<?> request, byte[] body);

  @Operation(
      operationId = "getOrganization",
      summary = "Read an organization by name",
      description =
          "Anyone may read an organization. The admin email is included only when the bearer token"
              + " belongs to that organization's admin; a token is optional, but an invalid one is"
              + " rejected.",
      security = {@SecurityRequirement(name = ""), @SecurityRequirement(name = "bearer")})
  @ApiResponse(
      responseCode = "200",
      description = "The organization",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganizationResponse.class),
              examples = {
                @ExampleObject(name = "anonymous", value = ApiExamples.ORGANIZATION_FOR_ANYONE),
                @ExampleObject(name = "own admin", value = ApiExamples.ORGANIZATION_FOR_ADMIN)
              }))
  @ApiResponse(
      responseCode = "401",
      description = "A bearer token was sent and is invalid, expired or revoked",
      headers = @Header(name = "WWW-Authenticate", description = "Bearer error=\"invalid_token\""),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid token", value = ApiExamples.INVALID_TOKEN)))
  @ApiResponse(
      responseCode = "404",
      description = "No active organization has the name",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not found", value = ApiExamples.ORGANIZATION_NOT_FOUND)))
  @ApiResponse(
      responseCode = "422",
      description = "The name is missing or invalid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "missing name", value = ApiExamples.INVALID_QUERY),
                @ExampleObject(name = "invalid name", value = ApiExamples.INVALID_NAME_QUERY)
              }))
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
  OrganizationResponse get(
      HttpRequest<?> request,
      @Parameter(
              name = "organization_name",
              in = ParameterIn.QUERY,
              description =
                  "Organization name in any letter case; it is normalized before the lookup."
                      + " Required: a request without it gets a 422.",
              example = "Acme")
          String organizationName);

  @Operation(
      operationId = "updateOrganization",
      summary = "Rename the caller's organization or change its admin's email or password",
      description =
          "Changes the organization of the bearer token. Send any of the three fields; a missing"
              + " or null field is left unchanged. A rename also renames the tenant collection. A"
              + " new password revokes every token issued before.",
      security = @SecurityRequirement(name = "bearer"))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UpdateOrganizationRequest.class),
              examples = {
                @ExampleObject(name = "rename", value = ApiExamples.UPDATE_NAME_REQUEST),
                @ExampleObject(name = "new password", value = ApiExamples.UPDATE_PASSWORD_REQUEST)
              }))
  @ApiResponse(
      responseCode = "200",
      description = "The organization after the change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganizationResponse.class),
              examples =
                  @ExampleObject(name = "updated", value = ApiExamples.ORGANIZATION_FOR_ADMIN)))
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
      description = "The bearer token is missing, invalid, expired or revoked",
      headers = @Header(name = "WWW-Authenticate", description = "Bearer error=\"invalid_token\""),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid token", value = ApiExamples.INVALID_TOKEN)))
  @ApiResponse(
      responseCode = "409",
      description =
          "The new name or email already exists, or a rename was sent while the organization's"
              + " data moves to another tier",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "name taken", value = ApiExamples.NAME_TAKEN),
                @ExampleObject(name = "email taken", value = ApiExamples.EMAIL_TAKEN),
                @ExampleObject(name = "moving", value = ApiExamples.ORGANIZATION_MOVING)
              }))
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
      description = "A field is of the wrong JSON type or breaks its rule",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID_FIELDS)))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or too many password hashes are waiting, in which case"
              + " nothing changed",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "server busy", value = ApiExamples.SERVER_BUSY)
              }))
  OrganizationResponse update(HttpRequest<?> request, byte[] body);

  @Operation(
      operationId = "deleteOrganization",
      summary = "Delete the caller's organization",
      description =
          "Deletes the organization of the bearer token with its admin and its data, whatever its"
              + " tier. Tokens of the organization stop working.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "204", description = "Deleted")
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
      responseCode = "403",
      description = "The query parameter names another organization",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "another organization", value = ApiExamples.FORBIDDEN)))
  @ApiResponse(
      responseCode = "409",
      description = "The organization's data is moving to another tier; retry once it has moved",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "moving", value = ApiExamples.ORGANIZATION_MOVING)))
  @ApiResponse(
      responseCode = "404",
      description = "The organization is already gone",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "gone", value = ApiExamples.ORGANIZATION_GONE)))
  @ApiResponse(
      responseCode = "422",
      description = "The confirmation name is invalid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "invalid name", value = ApiExamples.INVALID_NAME_QUERY)))
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
  void delete(
      HttpRequest<?> request,
      @Parameter(
              name = "organization_name",
              in = ParameterIn.QUERY,
              description =
                  "Optional confirmation: when sent, it must name the caller's own organization",
              example = "acme")
          String organizationName);
}
