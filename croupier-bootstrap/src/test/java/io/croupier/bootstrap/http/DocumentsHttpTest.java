package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.CONTENT_TYPE;
import static io.croupier.bootstrap.http.CroupierTestServer.JSON;
import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.adapter.out.mongo.MongoOrganizationRepository;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The document endpoints under {@code /org/documents} over HTTP. */
class DocumentsHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final String DOCUMENTS = "/org/documents";
  private static final int MAX_DOCUMENT_BYTES = 64 * 1024;
  private static final int MAX_REQUEST_BYTES = 80 * 1024;
  private static final int MAX_DEPTH = 32;
  private static final String NOT_FOUND_TYPE = "urn:croupier:problem:document-not-found";

  // --- requests --------------------------------------------------------------------------------

  private static Reply post(Tenant tenant, String body) {
    return server.send(
        "POST", DOCUMENTS, body, CONTENT_TYPE, JSON, "Authorization", bearer(tenant));
  }

  private static Reply postBytes(Tenant tenant, byte[] body) {
    return server.sendBytes(
        "POST", DOCUMENTS, body, CONTENT_TYPE, JSON, "Authorization", bearer(tenant));
  }

  private static Reply put(Tenant tenant, String id, String body) {
    return server.send(
        "PUT", DOCUMENTS + "/" + id, body, CONTENT_TYPE, JSON, "Authorization", bearer(tenant));
  }

  private static Reply get(Tenant tenant, String pathAfterDocuments) {
    return server.getWithToken(DOCUMENTS + pathAfterDocuments, tenant.token());
  }

  private static Reply delete(Tenant tenant, String id) {
    return server.deleteWithToken(DOCUMENTS + "/" + id, tenant.token());
  }

  private static String bearer(Tenant tenant) {
    return "Bearer " + tenant.token();
  }

  /** Stores a document, expecting 201, and returns its id. */
  private static String create(Tenant tenant, String body) {
    Reply reply = post(tenant, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("id");
  }

  /**
   * Stores {@code count} documents {@code {"n": i}} and returns their ids in creation order. The
   * creation times are kept in milliseconds, and documents of the same millisecond are listed in id
   * order, so each document is created in a later millisecond than the one before.
   */
  private static List<String> createNumbered(Tenant tenant, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(create(tenant, "{\"n\":" + i + "}"));
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    return ids;
  }

  /** Returns the ids of the documents of one page. */
  private static List<String> ids(Reply page) {
    List<String> ids = new ArrayList<>();
    page.json().path("documents").forEach(document -> ids.add(document.path("id").asText()));
    return ids;
  }

  /** Returns the ids of every document of the tenant, read page by page. */
  private static List<String> readAllPages(Tenant tenant, int limit) {
    List<String> ids = new ArrayList<>();
    String query = "?limit=" + limit;
    for (int pages = 0; pages < 1_000; pages++) {
      Reply page = get(tenant, query);
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      List<String> pageIds = ids(page);
      assertThat(pageIds.size()).as("size of %s", page).isLessThanOrEqualTo(limit);
      ids.addAll(pageIds);
      JsonNode next = page.json().get("next_cursor");
      if (next.isNull()) {
        return ids;
      }
      query = "?limit=" + limit + "&after=" + CroupierTestServer.query(next.asText());
    }
    throw new AssertionError("Paging did not end after 1000 pages");
  }

  // --- bodies ----------------------------------------------------------------------------------

  /** Returns an object whose compact JSON takes exactly {@code bytes} bytes. */
  private static String compactDocumentOf(int bytes) {
    String prefix = "{\"text\":\"";
    String suffix = "\"}";
    return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
  }

  /** Returns {@code depth} objects nested in one another, the outermost counted as level 1. */
  private static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Returns the raw JSON text of the {@code document} field of a reply. */
  private static String documentText(Reply reply) {
    String marker = "\"document\":";
    int start = reply.body().indexOf(marker);
    assertThat(start).as("document field in %s", reply).isNotNegative();
    return reply.body().substring(start + marker.length(), reply.body().length() - 1);
  }

  // --- create ----------------------------------------------------------------------------------

  @Test
  void createReturnsStoredDocument() {
    // given
    Tenant tenant = server.register();
    Instant before = Instant.now().minusSeconds(1);

    // when
    Reply reply = post(tenant, "{\"title\": \"Q3 report\", \"pages\": 12}");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    JsonNode body = reply.json();
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "created_at", "updated_at", "document");
    assertThat(body.path("id").asText()).isNotBlank();
    assertThat(Instant.parse(body.path("created_at").asText())).isAfter(before);
    assertThat(body.path("updated_at").asText()).isEqualTo(body.path("created_at").asText());
    assertThat(body.path("document").path("title").asText()).isEqualTo("Q3 report");
    assertThat(body.path("document").path("pages").asInt()).isEqualTo(12);
  }

  @Test
  void createSetsLocationOfNewDocument() {
    // given
    Tenant tenant = server.register();

    // when
    Reply created = post(tenant, "{\"a\": 1}");

    // then
    assertThat(created.header("Location")).hasValue(DOCUMENTS + "/" + created.text("id"));
    Reply fetched = server.getWithToken(created.header("Location").orElseThrow(), tenant.token());
    assertThat(fetched.status()).as("%s", fetched).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(created.json());
  }

  @Test
  void createGivesEachDocumentNewId() {
    // given
    Tenant tenant = server.register();

    // when
    List<String> ids = createNumbered(tenant, 3);

    // then
    assertThat(new HashSet<>(ids)).hasSize(3);
  }

  @Test
  void keepsExactNumbers() {
    // given
    Tenant tenant = server.register();
    String document =
        "{\"big\":123456789012345678901234567890,\"negative\":-98765432109876543210,"
            + "\"price\":0.10,\"pi\":3.14159265358979323846264338327950,\"long\":9223372036854775807}";

    // when
    String id = create(tenant, document);

    // then
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo(document);
  }

  @Test
  void keepsIntegerOf34Digits() {
    // given: 34 significant digits, the maximum of a 128-bit decimal
    Tenant tenant = server.register();
    String document = "{\"n\":" + "1234567890".repeat(3) + "1234}";

    // when
    String id = create(tenant, document);

    // then
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo(document);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"n\": 12345678901234567890123456789012345}",
        "{\"n\": 0.12345678901234567890123456789012345}",
        "{\"n\": 123456789012345678901234567890123456789}",
        "{\"n\": [-100000000000000000000000000000000000000]}",
        "{\"n\": 1e9999}"
      })
  void rejectsNumberThatCannotBeStoredExactly(String document) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, document);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void keepsNullsEmptyValuesAndFieldOrder() {
    // given
    Tenant tenant = server.register();
    String document =
        "{\"z\":null,\"empty\":\"\",\"list\":[],\"object\":{},\"no\":false,\"zero\":0,"
            + "\"text\":\"line\\nbreak \\\"quoted\\\" é \uD83D\uDE00\",\"a\":[1,[2,{\"b\":null}]]}";

    // when
    String id = create(tenant, document);

    // then
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo(document);
  }

  @Test
  void storesCompactFormOfFormattedDocument() {
    // given
    Tenant tenant = server.register();

    // when
    String id = create(tenant, "{\n  \"a\" : [ 1 , 2 ],\n  \"b\" : { }\n}\n");

    // then
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"a\":[1,2],\"b\":{}}");
  }

  @Test
  void acceptsDocumentOfExactly64KiB() {
    // given
    Tenant tenant = server.register();
    String document = compactDocumentOf(MAX_DOCUMENT_BYTES);

    // when
    Reply reply = post(tenant, document);

    // then
    assertThat(utf8Length(document)).isEqualTo(MAX_DOCUMENT_BYTES);
    assertThat(reply.status()).as("status").isEqualTo(201);
    assertThat(documentText(get(tenant, "/" + reply.text("id")))).isEqualTo(document);
  }

  @Test
  void rejectsDocumentOneByteOver64KiB() {
    // given
    Tenant tenant = server.register();
    String document = compactDocumentOf(MAX_DOCUMENT_BYTES + 1);

    // when
    Reply reply = post(tenant, document);

    // then
    JsonNode problem = server.assertProblem(reply, 413);
    assertThat(problem.get("detail").asText()).contains("65536 bytes");
    assertThat(problem.get("detail").asText()).contains("64 KiB");
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void acceptsFormattedBodyOfExactly80KiB() {
    // given: 64 KiB of document and 16 KiB of whitespace
    Tenant tenant = server.register();
    String body =
        " ".repeat(MAX_REQUEST_BYTES - MAX_DOCUMENT_BYTES - 1)
            + compactDocumentOf(MAX_DOCUMENT_BYTES)
            + "\n";

    // when
    Reply reply = post(tenant, body);

    // then
    assertThat(utf8Length(body)).isEqualTo(MAX_REQUEST_BYTES);
    assertThat(reply.status()).as("status").isEqualTo(201);
  }

  @Test
  void rejectsBodyOneByteOver80KiB() {
    // given
    Tenant tenant = server.register();
    String body =
        " ".repeat(MAX_REQUEST_BYTES - MAX_DOCUMENT_BYTES)
            + compactDocumentOf(MAX_DOCUMENT_BYTES)
            + "\n";

    // when
    Reply reply = post(tenant, body);

    // then
    assertThat(utf8Length(body)).isEqualTo(MAX_REQUEST_BYTES + 1);
    JsonNode problem = server.assertProblem(reply, 413);
    assertThat(problem.get("detail").asText()).contains("80 KiB");
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void rejectsChunkedBodyOver80KiB() {
    // given
    Tenant tenant = server.register();
    String body = " ".repeat(MAX_REQUEST_BYTES) + "{}";

    // when
    Reply reply = server.sendChunked("POST", DOCUMENTS, body, "Authorization", bearer(tenant));

    // then
    JsonNode problem = server.assertProblem(reply, 413);
    assertThat(problem.get("detail").asText()).contains("80 KiB");
  }

  @Test
  void keepsLimitOf16KiBOnOtherRoutes() {
    // given: a body that a document route takes but the organization routes do not
    String body =
        NewOrganization.unique().jsonObject().put("padding", "p".repeat(20_000)).toString();

    // when
    Reply reply = server.postJson("/org/create", body);

    // then
    JsonNode problem = server.assertProblem(reply, 413);
    assertThat(problem.get("detail").asText()).contains("16 KiB");
  }

  @Test
  void acceptsDepthOf32() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, nestedObjects(MAX_DEPTH));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(documentText(reply)).isEqualTo(nestedObjects(MAX_DEPTH));
  }

  @Test
  void rejectsDepthOf33() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, nestedObjects(MAX_DEPTH + 1));

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
    assertThat(problem.get("detail").asText()).contains("32 levels");
  }

  @Test
  void rejectsArrayNestedDeeperThanParserAllows() {
    // given
    Tenant tenant = server.register();
    String body = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    // when
    Reply reply = post(tenant, body);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"$where\": \"sleep(1000)\"}",
        "{\"filter\": {\"$ne\": null}}",
        "{\"list\": [{\"$set\": 1}]}",
        "{\"$\": 1}"
      })
  void rejectsFieldNameStartingWithDollar(String document) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, document);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
    assertThat(problem.get("detail").asText()).contains("'$'");
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void acceptsDollarAfterFirstCharacter() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, "{\"price$\": 1, \"a\": {\"b$c\": 2}}");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"a\": 1}]", "\"text\"", "42", "4.2", "true", "null"})
  void rejectsBodyThatIsNotAnObject(String body) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, body);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": 1, \"a\": 1}",
        "{\"a\": {\"b\": 1, \"b\": 2}}",
        "{\"a\": 1",
        "{\"a\": 1} {}",
        "{'a': 1}",
        "{\"a\": NaN}",
        ""
      })
  void rejectsMalformedBody(String body) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, body);

    // then
    server.assertProblem(reply, 400);
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.croupier.bootstrap.http.RawUtf8#validSequences")
  void storesValidUtf8Exactly(String name, byte[] sequence, String text) {
    // given
    Tenant tenant = server.register();
    byte[] body = RawUtf8.withSequence("{\"text\":\"a-RAW-b\"}", "-RAW-", sequence);

    // when
    Reply created = postBytes(tenant, body);

    // then
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Reply fetched = get(tenant, "/" + created.text("id"));
    assertThat(fetched.json().path("document").path("text").asText()).isEqualTo("a" + text + "b");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.croupier.bootstrap.http.RawUtf8#invalidSequences")
  void rejectsInvalidUtf8(String name, byte[] sequence) {
    // given
    Tenant tenant = server.register();
    byte[] body = RawUtf8.withSequence("{\"text\":\"a-RAW-b\"}", "-RAW-", sequence);
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = postBytes(tenant, body);

    // then
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(server.snapshot()).isEqualTo(before);
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void replaceRejectsInvalidUtf8AndKeepsOld() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"keep\": true}");
    byte[] body = RawUtf8.withSequence("{\"keep\": \"-RAW-\"}", "-RAW-", RawUtf8.bytes(0xC3, 0x28));

    // when
    Reply reply =
        server.sendBytes(
            "PUT", DOCUMENTS + "/" + id, body, CONTENT_TYPE, JSON, "Authorization", bearer(tenant));

    // then
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"keep\":true}");
  }

  @Test
  void rejectsInvalidUtf8At80KiBAs400() {
    // given: decoded with replacement, the two bytes would take three and go over the limit
    Tenant tenant = server.register();
    String compact = compactDocumentOf(MAX_DOCUMENT_BYTES - 2);
    String formatted = " ".repeat(MAX_REQUEST_BYTES - MAX_DOCUMENT_BYTES) + compact;
    byte[] body =
        RawUtf8.withSequence(
            formatted.replace("\"}", "-RAW-\"}"), "-RAW-", RawUtf8.bytes(0xC3, 0x28));

    // when
    Reply reply = postBytes(tenant, body);

    // then
    assertThat(body).hasSize(MAX_REQUEST_BYTES);
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"a\": \"x\\ud800y\"}", "{\"a\\udc00\": 1}", "{\"a\": [{\"b\": \"\\udbff\"}]}"})
  void rejectsUnpairedSurrogate(String document) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = post(tenant, document);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
    assertThat(problem.path("detail").asText()).contains("unpaired UTF-16 surrogate");
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void rejectsBodyNotSentAsJson() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.send(
            "POST", DOCUMENTS, "{}", CONTENT_TYPE, "text/plain", "Authorization", bearer(tenant));

    // then
    server.assertProblem(reply, 415);
  }

  // --- list ------------------------------------------------------------------------------------

  @Test
  void listsNoDocumentsOfNewOrganization() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = get(tenant, "");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"documents\":[],\"next_cursor\":null}");
  }

  @Test
  void listsDocumentsInCreationOrder() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 3);

    // when
    Reply reply = get(tenant, "");

    // then
    assertThat(ids(reply)).containsExactlyElementsOf(created);
    assertThat(reply.json().path("documents").get(2).path("document").path("n").asInt())
        .isEqualTo(2);
    assertThat(reply.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void listsTwentyDocumentsWithoutLimit() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 21);

    // when
    Reply reply = get(tenant, "");

    // then
    assertThat(ids(reply)).containsExactlyElementsOf(created.subList(0, 20));
    assertThat(reply.json().get("next_cursor").isTextual()).isTrue();
  }

  @Test
  void pagesThroughEveryDocumentWithoutRepeatsOrGaps() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 10);

    // when
    List<String> paged = readAllPages(tenant, 3);

    // then
    assertThat(paged).containsExactlyElementsOf(created);
  }

  @Test
  void endsPagingWhenLastPageIsFull() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 4);

    // when
    Reply first = get(tenant, "?limit=2");
    String after = CroupierTestServer.query(first.text("next_cursor"));
    Reply second = get(tenant, "?limit=2&after=" + after);

    // then
    assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
    assertThat(second.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void nextPageShowsDocumentCreatedAfterFirstPage() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 3);
    Reply first = get(tenant, "?limit=2");
    String after = CroupierTestServer.query(first.text("next_cursor"));

    // when
    String later = create(tenant, "{\"later\": true}");
    Reply second = get(tenant, "?limit=2&after=" + after);

    // then
    assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(ids(second)).containsExactly(created.get(2), later);
  }

  @Test
  void acceptsLimitOf1() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 2);

    // when
    Reply reply = get(tenant, "?limit=1");

    // then
    assertThat(ids(reply)).containsExactly(created.get(0));
    assertThat(reply.json().get("next_cursor").isTextual()).isTrue();
  }

  @Test
  void acceptsLimitOf1000() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 2);

    // when
    Reply reply = get(tenant, "?limit=1000");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(ids(reply)).containsExactlyElementsOf(created);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "abc", "", "1.5", "99999999999"})
  void rejectsInvalidLimit(String limit) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = get(tenant, "?limit=" + CroupierTestServer.query(limit));

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "", "bm90LWEtY3Vyc29y", "MTIzOg", "OmFiYw", "eDpkb2MtMQ"})
  void rejectsInvalidCursor(String cursor) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = get(tenant, "?after=" + CroupierTestServer.query(cursor));

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("after");
  }

  @Test
  void listsOnlyOwnDocuments() {
    // given
    Tenant owner = server.register();
    Tenant other = server.register();
    List<String> ownIds = createNumbered(owner, 2);
    createNumbered(other, 2);

    // when
    Reply reply = get(owner, "");

    // then
    assertThat(ids(reply)).containsExactlyElementsOf(ownIds);
  }

  // --- get, replace, delete --------------------------------------------------------------------

  @Test
  void getReturnsDocument() {
    // given
    Tenant tenant = server.register();
    Reply created = post(tenant, "{\"a\": [1, 2]}");

    // when
    Reply reply = get(tenant, "/" + created.text("id"));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(created.json());
  }

  @Test
  void replaceKeepsIdAndCreationTime() {
    // given
    Tenant tenant = server.register();
    Reply created = post(tenant, "{\"version\": 1, \"old\": true}");
    String id = created.text("id");
    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());

    // when
    Reply replaced = put(tenant, id, "{\"version\": 2}");

    // then
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
    assertThat(replaced.text("id")).isEqualTo(id);
    assertThat(replaced.text("created_at")).isEqualTo(created.text("created_at"));
    assertThat(Instant.parse(replaced.text("updated_at")))
        .isAfter(Instant.parse(created.text("updated_at")));
    assertThat(documentText(replaced)).isEqualTo("{\"version\":2}");
    assertThat(get(tenant, "/" + id).json()).isEqualTo(replaced.json());
  }

  @Test
  void replaceRejectsInvalidDocumentAndKeepsOld() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"keep\": true}");

    // when
    Reply reply = put(tenant, id, "{\"$set\": {\"keep\": false}}");

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("document");
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"keep\":true}");
  }

  @Test
  void replaceAcceptsDocumentOfExactly64KiB() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{}");

    // when
    Reply reply = put(tenant, id, compactDocumentOf(MAX_DOCUMENT_BYTES));

    // then
    assertThat(reply.status()).as("status").isEqualTo(200);
  }

  @Test
  void replaceRejectsDocumentOneByteOver64KiB() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"keep\": true}");

    // when
    Reply reply = put(tenant, id, compactDocumentOf(MAX_DOCUMENT_BYTES + 1));

    // then
    server.assertProblem(reply, 413);
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"keep\":true}");
  }

  @Test
  void replaceRejectsUnknownId() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{}");
    delete(tenant, id);

    // when
    Reply reply = put(tenant, id, "{\"a\": 1}");

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("type").asText()).isEqualTo(NOT_FOUND_TYPE);
    assertThat(ids(get(tenant, ""))).isEmpty();
  }

  @Test
  void deleteRemovesDocument() {
    // given
    Tenant tenant = server.register();
    List<String> created = createNumbered(tenant, 2);

    // when
    Reply reply = delete(tenant, created.get(0));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    server.assertProblem(get(tenant, "/" + created.get(0)), 404);
    assertThat(ids(get(tenant, ""))).containsExactly(created.get(1));
  }

  @Test
  void deleteTwiceIsNotFound() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{}");
    delete(tenant, id);

    // when
    Reply reply = delete(tenant, id);

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("type").asText()).isEqualTo(NOT_FOUND_TYPE);
  }

  @Test
  void getUnknownIdIsNotFound() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = get(tenant, "/0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17");

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("type").asText()).isEqualTo(NOT_FOUND_TYPE);
    assertThat(problem.get("detail").asText()).contains("not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE"})
  void anotherOrganizationsDocumentIsNotFound(String method) {
    // given
    Tenant owner = server.register();
    Tenant other = server.register();
    String id = create(owner, "{\"secret\": \"owner only\"}");

    // when
    Reply reply =
        switch (method) {
          case "GET" -> get(other, "/" + id);
          case "PUT" -> put(other, id, "{\"secret\": \"changed\"}");
          default -> delete(other, id);
        };

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("type").asText()).isEqualTo(NOT_FOUND_TYPE);
    assertThat(reply.body()).doesNotContain("owner only");
    assertThat(documentText(get(owner, "/" + id))).isEqualTo("{\"secret\":\"owner only\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not%20an%20id",
        "a.b",
        "%24where",
        "%0Aforged-log-line",
        "x12345678901234567890123456789012345678901234567890123456789012345"
      })
  void malformedIdIsNotFound(String id) {
    // given
    Tenant tenant = server.register();

    // when
    List<Reply> replies = List.of(get(tenant, "/" + id), put(tenant, id, "{}"), delete(tenant, id));

    // then
    for (Reply reply : replies) {
      JsonNode problem = server.assertProblem(reply, 404);
      assertThat(problem.get("type").asText()).as("%s", reply).isEqualTo(NOT_FOUND_TYPE);
      assertThat(problem.get("detail").asText()).doesNotContain("\n");
    }
  }

  // --- authentication --------------------------------------------------------------------------

  static Stream<Arguments> everyRoute() {
    return Stream.of(
        Arguments.of("POST", DOCUMENTS, "{}"),
        Arguments.of("GET", DOCUMENTS, null),
        Arguments.of("GET", DOCUMENTS + "/some-id", null),
        Arguments.of("PUT", DOCUMENTS + "/some-id", "{}"),
        Arguments.of("DELETE", DOCUMENTS + "/some-id", null));
  }

  @ParameterizedTest
  @MethodSource("everyRoute")
  void rejectsRequestWithoutToken(String method, String path, String body) {
    // when
    Reply reply = server.send(method, path, body, CONTENT_TYPE, body == null ? null : JSON);

    // then
    server.assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).isPresent();
  }

  @ParameterizedTest
  @MethodSource("everyRoute")
  void rejectsRequestWithInvalidToken(String method, String path, String body) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.send(
            method,
            path,
            body,
            CONTENT_TYPE,
            body == null ? null : JSON,
            "Authorization",
            "Bearer " + TestTokens.signedWithAnotherSecret(tenant));

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void checksTokenBeforeBody() {
    // when: the body is malformed, so only a check of the token first gives a 401
    Reply reply = server.send("POST", DOCUMENTS, "[", CONTENT_TYPE, JSON);

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void rejectsTokenOfDeletedOrganization() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{}");
    assertThat(server.deleteWithToken("/org/delete", tenant.token()).status()).isEqualTo(204);

    // when
    Reply reply = get(tenant, "/" + id);

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void keepsDocumentsThroughRename() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"kept\": true}");
    String newName = NewOrganization.uniqueName();

    // when
    Reply renamed =
        server.putJson(
            "/org/update", "{\"organization_name\":\"" + newName + "\"}", tenant.token());

    // then
    assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"kept\":true}");
  }

  @Test
  void logsNoDocumentContent() {
    // given
    Tenant tenant = server.register();
    String marker = "confidential-" + NewOrganization.randomText(12);

    // when
    Reply created = post(tenant, "{\"note\": \"" + marker + "\"}");
    Reply rejected = post(tenant, "{\"$note\": \"" + marker + "\"}");

    // then
    assertThat(created.status()).isEqualTo(201);
    server.assertOneLogLine(rejected);
    assertThat(server.logs().lines()).noneMatch(line -> line.contains(marker));
  }

  @ParameterizedTest
  @ValueSource(strings = {"shared", "collection", "database"})
  void servesDocumentsInEveryTier(String tier) {
    // given
    NewOrganization organization = NewOrganization.unique();
    Reply createdOrganization =
        server.postJson("/org/create", organization.jsonObject().put("tier", tier).toString());
    assertThat(createdOrganization.status()).as("%s", createdOrganization).isEqualTo(201);
    Tenant tenant = server.logInAs(organization);

    // when
    List<String> created = createNumbered(tenant, 5);
    String replaced = created.get(1);
    put(tenant, replaced, "{\"n\": \"one\"}");
    delete(tenant, created.get(3));

    // then
    List<String> expected = new ArrayList<>(created);
    expected.remove(3);
    assertThat(readAllPages(tenant, 2)).containsExactlyElementsOf(expected);
    assertThat(documentText(get(tenant, "/" + replaced))).isEqualTo("{\"n\":\"one\"}");
  }

  @Test
  void keepsSharedTierOrganizationsApart() {
    // given
    NewOrganization first = NewOrganization.unique();
    NewOrganization second = NewOrganization.unique();
    for (NewOrganization organization : List.of(first, second)) {
      Reply reply =
          server.postJson(
              "/org/create", organization.jsonObject().put("tier", "shared").toString());
      assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }
    Tenant firstTenant = server.logInAs(first);
    Tenant secondTenant = server.logInAs(second);
    String firstId = create(firstTenant, "{\"owner\": \"first\"}");

    // when
    Reply listed = get(secondTenant, "");
    Reply fetched = get(secondTenant, "/" + firstId);

    // then
    assertThat(ids(listed)).isEmpty();
    server.assertProblem(fetched, 404);
    assertThat(Set.copyOf(ids(get(firstTenant, "")))).containsExactly(firstId);
  }

  // --- tier moves ------------------------------------------------------------------------------

  /** Records a move of the tenant's organization in the given phase, as a move in progress does. */
  private static void startMove(Tenant tenant, MovePhase phase) {
    MongoOrganizationRepository organizations = new MongoOrganizationRepository(server.database());
    Organization organization = organizations.findById(tenant.organizationId()).orElseThrow();
    TenantTier target =
        organization.tier() == TenantTier.DATABASE ? TenantTier.SHARED : TenantTier.DATABASE;
    Instant now = Instant.now();
    TenantMove move = new TenantMove(organization.tier(), target, phase, now, now);
    Organization moving = organization.withMove(Optional.of(move), now);
    assertThat(organizations.updatePlacement(organization, moving)).isTrue();
  }

  /** Removes the move again, as a move that ends in its source tier does. */
  private static void endMove(Tenant tenant) {
    MongoOrganizationRepository organizations = new MongoOrganizationRepository(server.database());
    Organization organization = organizations.findById(tenant.organizationId()).orElseThrow();
    Organization settled = organization.withMove(Optional.empty(), Instant.now());
    assertThat(organizations.updatePlacement(organization, settled)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE"})
  void rejectsWriteDuringTierSwitch(String method) {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"kept\": true}");
    startMove(tenant, MovePhase.SWITCHING);

    // when
    Reply reply =
        switch (method) {
          case "POST" -> post(tenant, "{\"new\": true}");
          case "PUT" -> put(tenant, id, "{\"kept\": false}");
          default -> delete(tenant, id);
        };

    // then
    JsonNode problem = server.assertProblem(reply, 503);
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:tenant-switching");
    assertThat(reply.header("Retry-After")).hasValue("2");
    endMove(tenant);
    assertThat(ids(get(tenant, ""))).containsExactly(id);
    assertThat(documentText(get(tenant, "/" + id))).isEqualTo("{\"kept\":true}");
  }

  @Test
  void readsDuringTierSwitch() {
    // given
    Tenant tenant = server.register();
    String id = create(tenant, "{\"kept\": true}");
    startMove(tenant, MovePhase.SWITCHING);

    // when
    Reply document = get(tenant, "/" + id);
    Reply page = get(tenant, "");

    // then
    assertThat(document.status()).as("%s", document).isEqualTo(200);
    assertThat(ids(page)).containsExactly(id);
  }

  @Test
  void writesWhileMoveCopies() {
    // given
    Tenant tenant = server.register();
    startMove(tenant, MovePhase.COPYING);

    // when
    Reply reply = post(tenant, "{\"during\": \"copy\"}");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @Test
  void rejectsRenameDuringMove() {
    // given
    Tenant tenant = server.register();
    startMove(tenant, MovePhase.COPYING);
    String body = "{\"organization_name\":\"" + NewOrganization.uniqueName() + "\"}";

    // when
    Reply reply = server.putJson("/org/update", body, tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:organization-moving");
    assertThat(server.get("/org/get?organization_name=" + tenant.name()).status()).isEqualTo(200);
  }

  @Test
  void rejectsOrganizationDeleteDuringMove() {
    // given
    Tenant tenant = server.register();
    startMove(tenant, MovePhase.COPYING);

    // when
    Reply reply = server.deleteWithToken("/org/delete", tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:organization-moving");
    assertThat(server.get("/org/get?organization_name=" + tenant.name()).status()).isEqualTo(200);
  }
}
