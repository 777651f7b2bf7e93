package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI document at {@code /openapi.json} and the pages at {@code /docs} and {@code /redoc}.
 */
class ApiDocsHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final Pattern LINKED_URL = Pattern.compile("(?:src|href|spec-url)=\"([^\"]*)\"");
  private static final Set<String> DOCUMENTATION_TAGS = Set.of("Documentation", "Operations");

  /** Every status each operation must document: those its handler and the request checks return. */
  private static final Map<String, Set<String>> STATUSES =
      Map.ofEntries(
          Map.entry("POST /org/create", Set.of("201", "400", "409", "413", "415", "422", "503")),
          Map.entry("GET /org/get", Set.of("200", "401", "404", "422", "503")),
          Map.entry(
              "PUT /org/update", Set.of("200", "400", "401", "409", "413", "415", "422", "503")),
          Map.entry("DELETE /org/delete", Set.of("204", "401", "403", "404", "409", "422", "503")),
          Map.entry("POST /org/documents", Set.of("201", "400", "401", "413", "415", "422", "503")),
          Map.entry("GET /org/documents", Set.of("200", "401", "422", "503")),
          Map.entry("GET /org/documents/{id}", Set.of("200", "401", "404", "503")),
          Map.entry(
              "PUT /org/documents/{id}",
              Set.of("200", "400", "401", "404", "413", "415", "422", "503")),
          Map.entry("DELETE /org/documents/{id}", Set.of("204", "401", "404", "503")),
          Map.entry(
              "POST /admin/login", Set.of("200", "400", "401", "413", "415", "422", "429", "503")),
          Map.entry("POST /admin/refresh", Set.of("200", "400", "401", "413", "415", "422", "503")),
          Map.entry("POST /admin/logout", Set.of("204", "401", "503")),
          Map.entry("GET /org/audit", Set.of("200", "401", "422", "503")),
          Map.entry("GET /health", Set.of("200", "503")),
          Map.entry("GET /health/liveness", Set.of("200")),
          Map.entry("GET /health/readiness", Set.of("200", "503")),
          Map.entry("GET /metrics", Set.of("200")),
          Map.entry("GET /openapi.json", Set.of("200")),
          Map.entry("GET /docs", Set.of("200")),
          Map.entry("GET /redoc", Set.of("200")),
          Map.entry("GET /docs/assets/{name}", Set.of("200", "404")));

  private static JsonNode document() {
    Reply reply = server.get("/openapi.json");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  /** Returns "METHOD /path" for every operation of the document, mapped to its operation. */
  private static Map<String, JsonNode> operations(JsonNode document) {
    Map<String, JsonNode> operations = new TreeMap<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation ->
                            operations.put(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                operation.getValue())));
    return operations;
  }

  /** Returns the operations that the API's clients call, leaving out documentation and metrics. */
  private static Map<String, JsonNode> apiOperations(JsonNode document) {
    Map<String, JsonNode> api = new TreeMap<>(operations(document));
    api.entrySet()
        .removeIf(
            entry -> DOCUMENTATION_TAGS.contains(entry.getValue().get("tags").get(0).asText()));
    return api;
  }

  @Test
  void servesOpenApiThreeDocument() {
    // when
    Reply reply = server.get("/openapi.json");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode document = reply.json();
    assertThat(document.get("openapi").asText()).startsWith("3.");
    assertThat(document.at("/info/title").asText()).isEqualTo("Croupier");
    assertThat(document.at("/info/version").asText()).isNotBlank();
    assertThat(document.at("/info/version").asText()).doesNotContain("${");
    assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void documentsEveryRouteTheServerHas() {
    // given
    Set<String> routes = new TreeSet<>();
    List<UriRouteInfo<?, ?>> uriRoutes = server.bean(Router.class).uriRoutes().toList();
    for (UriRouteInfo<?, ?> route : uriRoutes) {
      routes.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString());
    }
    // Micronaut adds a HEAD route for every GET route; HEAD is implied by GET in OpenAPI.
    routes.removeIf(
        route ->
            route.startsWith(HttpMethod.HEAD + " ")
                && routes.contains("GET " + route.substring("HEAD ".length())));

    // when
    Set<String> documented = operations(document()).keySet();

    // then
    assertThat(routes).isNotEmpty();
    assertThat(documented).as("documented operations").isEqualTo(routes);
  }

  @Test
  void documentsEveryStatusOfEachEndpoint() {
    // when
    Map<String, JsonNode> operations = operations(document());

    // then
    assertThat(operations.keySet()).isEqualTo(STATUSES.keySet());
    for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
      Set<String> statuses = new HashSet<>();
      operation.getValue().get("responses").fieldNames().forEachRemaining(statuses::add);
      assertThat(statuses)
          .as("statuses of %s", operation.getKey())
          .isEqualTo(STATUSES.get(operation.getKey()));
    }
  }

  @Test
  void namesTagSummaryAndIdOfEveryOperation() {
    // when
    Map<String, JsonNode> operations = operations(document());

    // then
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
      JsonNode body = operation.getValue();
      assertThat(body.path("summary").asText())
          .as("summary of %s", operation.getKey())
          .isNotBlank();
      assertThat(body.path("tags").size()).as("tags of %s", operation.getKey()).isEqualTo(1);
      assertThat(ids.add(body.path("operationId").asText()))
          .as("unique operationId of %s", operation.getKey())
          .isTrue();
    }
  }

  @Test
  void describesEveryApiErrorAsProblemWithExample() {
    // given
    JsonNode document = document();
    Set<String> problemFields = propertyNames(document.at("/components/schemas/Problem"));

    // when
    Map<String, JsonNode> operations = apiOperations(document);

    // then
    assertThat(problemFields)
        .contains("type", "title", "status", "detail", "instance", "request_id");
    for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
      operation
          .getValue()
          .get("responses")
          .fields()
          .forEachRemaining(
              response -> {
                int status = Integer.parseInt(response.getKey());
                if (status < 400 || operation.getKey().startsWith("GET /health")) {
                  return;
                }
                String where = operation.getKey() + " " + status;
                JsonNode content = response.getValue().path("content");
                assertThat(fieldNames(content))
                    .as("media types of %s", where)
                    .containsExactly("application/problem+json");
                JsonNode problem = content.get("application/problem+json");
                assertThat(problem.at("/schema/$ref").asText())
                    .as("schema of %s", where)
                    .isEqualTo("#/components/schemas/Problem");
                assertThat(problem.path("examples").size())
                    .as("examples of %s", where)
                    .isPositive();
                problem
                    .get("examples")
                    .forEach(
                        example -> {
                          JsonNode value = example.get("value");
                          assertThat(value.get("status").asInt())
                              .as("status in example of %s", where)
                              .isEqualTo(status);
                          assertThat(problemFields)
                              .as("fields of example of %s", where)
                              .containsAll(fieldNames(value));
                        });
              });
    }
  }

  @Test
  void givesExampleOfEveryApiBodyAndSuccess() {
    // given
    JsonNode document = document();

    // when
    Map<String, JsonNode> operations = apiOperations(document);

    // then
    for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
      JsonNode request = operation.getValue().at("/requestBody/content/application~1json");
      if (!request.isMissingNode()) {
        assertExamplesMatchSchema(document, request, operation.getKey() + " request");
      }
      operation
          .getValue()
          .get("responses")
          .fields()
          .forEachRemaining(
              response -> {
                JsonNode json = response.getValue().at("/content/application~1json");
                if (response.getKey().startsWith("2") && !json.isMissingNode()) {
                  assertExamplesMatchSchema(
                      document, json, operation.getKey() + " " + response.getKey());
                }
              });
    }
  }

  private static void assertExamplesMatchSchema(JsonNode document, JsonNode media, String where) {
    String reference = media.at("/schema/$ref").asText();
    assertThat(reference).as("schema of %s", where).startsWith("#/components/schemas/");
    JsonNode schema = document.at(reference.substring(1));
    Set<String> properties = propertyNames(schema);
    // A free-form object, such as a stored document, may have any field.
    boolean freeForm = schema.path("additionalProperties").asBoolean(false);
    assertThat(media.path("examples").size()).as("examples of %s", where).isPositive();
    media
        .get("examples")
        .forEach(
            example -> {
              Set<String> fields = fieldNames(example.get("value"));
              if (!freeForm) {
                assertThat(properties).as("fields of example of %s", where).containsAll(fields);
              }
              for (JsonNode required : schema.path("required")) {
                assertThat(fields).as("required field of %s", where).contains(required.asText());
              }
            });
  }

  @Test
  void resolvesEveryReference() {
    // given
    JsonNode document = document();
    List<String> references = new ArrayList<>();
    collectReferences(document, references);

    // then
    assertThat(references).isNotEmpty();
    for (String reference : references) {
      assertThat(document.at(reference.substring(1)).isMissingNode())
          .as("target of %s", reference)
          .isFalse();
    }
  }

  private static void collectReferences(JsonNode node, List<String> references) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("$ref")) {
                  references.add(field.getValue().asText());
                } else {
                  collectReferences(field.getValue(), references);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, references));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docs", "/redoc"})
  void servesPageWithOnlyLocalAssets(String page) {
    // when
    Reply reply = server.get(page);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(reply.header("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy).contains("default-src 'none'").contains("script-src 'self'"));
    List<String> urls = linkedUrls(reply.body());
    assertThat(urls).as("URLs in %s", page).hasSizeGreaterThanOrEqualTo(2);
    for (String url : urls) {
      assertThat(URI.create(url).isAbsolute()).as("absolute URL %s in %s", url, page).isFalse();
      assertThat(url).as("URL in %s", page).doesNotStartWith("//");
      String path = URI.create("http://127.0.0.1" + page).resolve(url).getPath();
      Reply asset = server.get(path);
      assertThat(asset.status()).as("%s linked from %s", asset, page).isEqualTo(200);
      assertThat(asset.body()).as("body of %s", path).isNotEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"/docs, ''", "/redoc, ''", "/docs, ?urls.primaryName=croupier", "/redoc, ?a=1&b=2"})
  void redirectsTrailingSlashToPage(String page, String query) {
    // given
    URI requested = URI.create(server.baseUri() + page + "/" + query);

    // when
    Reply reply = server.get(page + "/" + query);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(301);
    assertThat(reply.header("Location")).as("Location of %s", reply).isPresent();
    URI target = requested.resolve(reply.header("Location").orElseThrow());
    assertThat(target).isEqualTo(URI.create(server.baseUri() + page + query));
    Reply followed = server.get(page + query);
    assertThat(followed.status()).as("%s", followed).isEqualTo(200);
    assertThat(followed.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docs/x", "/redoc/x", "/docs//", "/docs/assets/"})
  void redirectsNoOtherPathUnderPages(String path) {
    // when
    Reply reply = server.get(path);

    // then
    server.assertProblem(reply, 404);
  }

  @Test
  void initScriptNamesNoOtherHost() {
    // when
    Reply reply = server.get("/docs/assets/swagger-init.js");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(reply.body())
        .doesNotContain("http:")
        .doesNotContain("https:")
        .doesNotContain("//cdn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"})
  void servesVendoredAssetWithoutCdnAddress(String name) {
    // when
    Reply reply = server.get("/docs/assets/" + name);

    // then
    assertThat(reply.status()).as("%s", reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(reply.body().length()).as("length of %s", name).isGreaterThan(10_000);
    assertThat(reply.body()).as(name).doesNotContain("//cdn.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs/assets/secret.txt",
        "/docs/assets/swagger-ui.html",
        "/docs/assets/..%2F..%2F..%2F..%2F..%2FMETA-INF%2Fswagger%2Fcroupier.json"
      })
  void rejectsUnknownAsset(String path) {
    // when
    Reply reply = server.get(path);

    // then
    server.assertProblem(reply, 404);
  }

  private static List<String> linkedUrls(String html) {
    List<String> urls = new ArrayList<>();
    Matcher matcher = LINKED_URL.matcher(html);
    while (matcher.find()) {
      urls.add(matcher.group(1));
    }
    return urls;
  }

  private static Set<String> propertyNames(JsonNode schema) {
    return fieldNames(schema.path("properties"));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
