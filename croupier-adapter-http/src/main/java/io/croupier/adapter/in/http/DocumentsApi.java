package io.croupier.adapter.in.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
 * OpenAPI description of the document endpoints, which {@link DocumentsController} implements. The
 * annotations here only document; routing and binding are on the controller.
 */
@Tag(name = "Documents")
interface DocumentsApi {

  @Operation(
      operationId = "createDocument",
      summary = "Store a new document in the caller's organization",
      description =
          "Stores the JSON object sent as the body, unwrapped, under a new id. A document takes at"
              + " most 64 KiB as compact JSON, nests at most 32 levels and has no field name that"
              + " starts with `$`. Integers and decimals keep their exact value.",
      security = @SecurityRequirement(name = "bearer"))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Document.class),
              examples = @ExampleObject(name = "report", value = ApiExamples.DOCUMENT_REQUEST)))
  @ApiResponse(
      responseCode = "201",
      description = "Stored; the Location header names the new document",
      headers = @Header(name = "Location", description = "Path of the document"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentResponse.class),
              examples = @ExampleObject(name = "created", value = ApiExamples.DOCUMENT)))
  @ApiResponse(
      responseCode = "400",
      description =
          "The body is missing, not valid UTF-8, not well-formed JSON, or repeats a field name in one object",
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
      responseCode = "413",
      description =
          "The document takes more than 64 KiB as compact JSON, or the body more than 80 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "document too large", value = ApiExamples.DOCUMENT_TOO_LARGE),
                @ExampleObject(
                    name = "body too large",
                    value = ApiExamples.DOCUMENT_REQUEST_TOO_LARGE)
              }))
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
      description =
          "The body is not a JSON object, nests deeper than 32 levels, or has a field name that starts with $",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "invalid document", value = ApiExamples.INVALID_DOCUMENT),
                @ExampleObject(name = "not an object", value = ApiExamples.DOCUMENT_NOT_OBJECT)
              }))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or the organization's data is switching to another tier or being renamed in the collection tier, and writes wait for a few seconds",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "switching tier", value = ApiExamples.TENANT_SWITCHING)
              }))
  HttpResponse<DocumentResponse> create(HttpRequest<?> request, byte[] body);

  @Operation(
      operationId = "listDocuments",
      summary = "Page through the caller's organization's documents, oldest first",
      description =
          "Returns up to `limit` documents in creation order. Pass `next_cursor` of one page as"
              + " `after` to read the next; it is null on the last page.",
      security = @SecurityRequirement(name = "bearer"))
  @Parameter(
      name = DocumentsController.LIMIT,
      in = ParameterIn.QUERY,
      description = "Documents per page, 1 to 1000; 20 when absent",
      schema = @Schema(type = "integer", minimum = "1", maximum = "1000"))
  @Parameter(
      name = DocumentsController.AFTER,
      in = ParameterIn.QUERY,
      description = "The next_cursor of the previous page; the first page when absent",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "200",
      description = "One page of documents",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentPageResponse.class),
              examples = @ExampleObject(name = "page", value = ApiExamples.DOCUMENT_PAGE)))
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
              examples = {
                @ExampleObject(name = "invalid limit", value = ApiExamples.INVALID_DOCUMENT_QUERY),
                @ExampleObject(name = "invalid cursor", value = ApiExamples.INVALID_CURSOR)
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
  DocumentPageResponse list(HttpRequest<?> request, String limit, String after);

  @Operation(
      operationId = "getDocument",
      summary = "Read one document of the caller's organization",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(
      responseCode = "200",
      description = "The document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentResponse.class),
              examples = @ExampleObject(name = "document", value = ApiExamples.DOCUMENT)))
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
      responseCode = "404",
      description =
          "The organization has no document with the id; an id of another organization's document or a malformed id is not found either",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not found", value = ApiExamples.DOCUMENT_NOT_FOUND)))
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
  DocumentResponse get(
      HttpRequest<?> request,
      @Parameter(
              name = "id",
              in = ParameterIn.PATH,
              description = "Document id, as returned on creation",
              example = "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30")
          String id);

  @Operation(
      operationId = "replaceDocument",
      summary = "Replace the body of one document of the caller's organization",
      description =
          "Replaces the whole document with the JSON object sent, under the same rules as on"
              + " creation. The id and created_at stay; updated_at changes.",
      security = @SecurityRequirement(name = "bearer"))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Document.class),
              examples = @ExampleObject(name = "report", value = ApiExamples.DOCUMENT_REQUEST)))
  @ApiResponse(
      responseCode = "200",
      description = "The document after the replacement",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentResponse.class),
              examples = @ExampleObject(name = "replaced", value = ApiExamples.DOCUMENT)))
  @ApiResponse(
      responseCode = "400",
      description =
          "The body is missing, not valid UTF-8, not well-formed JSON, or repeats a field name in one object",
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
      responseCode = "404",
      description =
          "The organization has no document with the id; an id of another organization's document or a malformed id is not found either",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not found", value = ApiExamples.DOCUMENT_NOT_FOUND)))
  @ApiResponse(
      responseCode = "413",
      description =
          "The document takes more than 64 KiB as compact JSON, or the body more than 80 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "document too large", value = ApiExamples.DOCUMENT_TOO_LARGE),
                @ExampleObject(
                    name = "body too large",
                    value = ApiExamples.DOCUMENT_REQUEST_TOO_LARGE)
              }))
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
      description =
          "The body is not a JSON object, nests deeper than 32 levels, or has a field name that starts with $",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "invalid document", value = ApiExamples.INVALID_DOCUMENT),
                @ExampleObject(name = "not an object", value = ApiExamples.DOCUMENT_NOT_OBJECT)
              }))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or the organization's data is switching to another tier or being renamed in the collection tier, and writes wait for a few seconds",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "switching tier", value = ApiExamples.TENANT_SWITCHING)
              }))
  DocumentResponse replace(
      HttpRequest<?> request,
      @Parameter(
              name = "id",
              in = ParameterIn.PATH,
              description = "Document id, as returned on creation",
              example = "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30")
          String id,
      byte[] body);

  @Operation(
      operationId = "deleteDocument",
      summary = "Delete one document of the caller's organization",
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
      responseCode = "404",
      description =
          "The organization has no document with the id; an id of another organization's document or a malformed id is not found either",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "not found", value = ApiExamples.DOCUMENT_NOT_FOUND)))
  @ApiResponse(
      responseCode = "503",
      description =
          "The database is unavailable, or the organization's data is switching to another tier or being renamed in the collection tier, and writes wait for a few seconds",
      headers = @Header(name = "Retry-After", description = "Seconds to wait before a retry"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = {
                @ExampleObject(name = "store down", value = ApiExamples.STORE_UNAVAILABLE),
                @ExampleObject(name = "switching tier", value = ApiExamples.TENANT_SWITCHING)
              }))
  void delete(
      HttpRequest<?> request,
      @Parameter(
              name = "id",
              in = ParameterIn.PATH,
              description = "Document id, as returned on creation",
              example = "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30")
          String id);
}
