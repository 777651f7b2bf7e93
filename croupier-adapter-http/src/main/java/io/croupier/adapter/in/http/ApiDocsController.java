package io.croupier.adapter.in.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the API documentation from the jar: the OpenAPI document that the build generates from the
 * controllers' annotations, Swagger UI at {@code /docs}, ReDoc at {@code /redoc}, and the scripts
 * and styles of both. The pages load nothing from another host, and their Content-Security-Policy
 * forbids it.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Croupier",
            version = "${api.version}",
            description = ApiDocsController.API_DESCRIPTION),
    tags = {
      @Tag(name = "Organizations", description = "Create, read, update and delete organizations"),
      @Tag(name = "Admin", description = "Log an organization's admin in"),
      @Tag(name = "Documents", description = "Store and read an organization's own documents"),
      @Tag(name = "Health", description = "Health, liveness and readiness checks"),
      @Tag(name = "Operations", description = "Metrics for monitoring"),
      @Tag(name = "Documentation", description = "This document and the pages that show it")
    })
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "Access token from POST /admin/login")
@Tag(name = "Documentation")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ApiDocsController {

  static final String API_DESCRIPTION =
      """
      Multi-tenant organization management on MongoDB: each organization gets its own storage \
      in the tier it chooses (a shared collection, a collection or a database of its own), one \
      admin with a bcrypt-hashed password, JWT login, and its own JSON documents.

      * Organization names are trimmed, NFKC-normalized and lower-cased, then must be 3 to 50 \
      characters of `a-z 0-9 _ -` starting with a letter or digit.
      * Request bodies must be JSON in UTF-8 (`Content-Type: application/json`), at most 16 KiB. \
      A body that is not valid UTF-8 is a 400, never decoded with replacement characters. Unknown \
      fields are ignored. The document routes under `/org/documents` take a body of at most 80 KiB \
      with a document of at most 64 KiB as compact JSON.
      * Every error is `application/problem+json` with `type`, `title`, `status`, `detail`, \
      `instance` and `request_id`, plus `errors` on a 422.
      * Every response carries an `X-Request-ID` header: the client's own when it sends one of at \
      most 128 letters, digits and `._:-`, else a new UUID. The server log records each error \
      under the same id.
      """;

  /** Path of the OpenAPI document that the micronaut-openapi annotation processor writes. */
  static final String DOCUMENT_RESOURCE = "/META-INF/swagger/croupier.json";

  private static final String ASSET_FOLDER = "/io/croupier/adapter/in/http/docs/";
  private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final Map<String, String> ASSET_TYPES =
      Map.of(
          "swagger-ui-bundle.js",
          JAVASCRIPT,
          "swagger-ui-bundle.js.LICENSE.txt",
          "text/plain; charset=utf-8",
          "swagger-ui.css",
          "text/css; charset=utf-8",
          "swagger-init.js",
          JAVASCRIPT,
          "favicon-32x32.png",
          "image/png",
          "redoc.standalone.js",
          JAVASCRIPT);

  /**
   * Allows scripts, styles, images and requests from this server only. Inline styles and blob:
   * workers are allowed because both pages create them at run time.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

  @Operation(
      operationId = "openApiDocument",
      summary = "Return this OpenAPI document",
      tags = "Documentation")
  @ApiResponse(
      responseCode = "200",
      description = "The OpenAPI 3 document of every endpoint",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
  @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> openApiDocument() {
    return HttpResponse.ok(resource(DOCUMENT_RESOURCE))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-cache");
  }

  @Operation(
      operationId = "swaggerUi",
      summary = "Show the API in Swagger UI, where each endpoint can be tried",
      tags = "Documentation")
  @ApiResponse(
      responseCode = "200",
      description = "Swagger UI page",
      content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
  @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
  public HttpResponse<byte[]> swaggerUi(HttpRequest<?> request) {
    return page(request, "docs", ASSET_FOLDER + "swagger-ui.html");
  }

  @Operation(
      operationId = "redoc",
      summary = "Show the API as a reference page in ReDoc",
      tags = "Documentation")
  @ApiResponse(
      responseCode = "200",
      description = "ReDoc page",
      content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string")))
  @Get(uri = "/redoc", produces = MediaType.TEXT_HTML)
  public HttpResponse<byte[]> redoc(HttpRequest<?> request) {
    return page(request, "redoc", ASSET_FOLDER + "redoc.html");
  }

  @Operation(
      operationId = "docsAsset",
      summary = "Return a script, style sheet or image of the documentation pages",
      tags = "Documentation")
  @ApiResponse(
      responseCode = "200",
      description = "The file",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(
      responseCode = "404",
      description = "No asset has the name",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Get("/docs/assets/{name}")
  public HttpResponse<byte[]> asset(
      @Parameter(
              description = "File name",
              schema =
                  @Schema(
                      allowableValues = {
                        "swagger-ui-bundle.js",
                        "swagger-ui-bundle.js.LICENSE.txt",
                        "swagger-ui.css",
                        "swagger-init.js",
                        "favicon-32x32.png",
                        "redoc.standalone.js"
                      }))
          @PathVariable
          String name) {
    String type = ASSET_TYPES.get(name);
    if (type == null) {
      throw new HttpStatusException(HttpStatus.NOT_FOUND, "No documentation asset " + name);
    }
    return HttpResponse.ok(resource(ASSET_FOLDER + name))
        .contentType(type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "public, max-age=3600");
  }

  /**
   * Returns the page, or a redirect when the path ends with a slash. Micronaut routes {@code
   * /docs/} to the {@code /docs} route, but from there the page's relative asset URLs resolve to
   * paths that do not exist, so the page would stay blank.
   */
  private MutableHttpResponse<byte[]> page(
      HttpRequest<?> request, String pageName, String resourcePath) {
    if (request.getPath().endsWith("/")) {
      return withoutTrailingSlash(request, pageName);
    }
    return HttpResponse.ok(resource(resourcePath))
        .contentType(HTML)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-cache");
  }

  /**
   * Returns a 301 from {@code /docs/} to {@code /docs} that keeps the query. The location is
   * relative, so that the redirect also works behind a proxy that serves the pages under a path
   * prefix, as the pages' relative asset URLs do.
   */
  private static MutableHttpResponse<byte[]> withoutTrailingSlash(
      HttpRequest<?> request, String pageName) {
    String query = request.getUri().getRawQuery();
    String location = "../" + pageName + (query == null ? "" : "?" + query);
    return HttpResponse.<byte[]>status(HttpStatus.MOVED_PERMANENTLY)
        .header(HttpHeaders.LOCATION, location);
  }

  /** Returns the bytes of a resource in this jar, read once and then kept in memory. */
  private byte[] resource(String path) {
    return resources.computeIfAbsent(path, ApiDocsController::read);
  }

  private static byte[] read(String path) {
    try (InputStream in = ApiDocsController.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "Resource " + path + " is missing from the jar; rebuild croupier-adapter-http");
      }
      return in.readAllBytes();
    } catch (IOException failure) {
      throw new UncheckedIOException("Reading resource " + path + " failed", failure);
    }
  }
}
