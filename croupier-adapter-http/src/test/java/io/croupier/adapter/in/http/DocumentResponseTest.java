package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.TenantDocument;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serialization of document bodies by the JSON mapper that the server uses. */
class DocumentResponseTest {

  private static ApplicationContext context;
  private static JsonMapper mapper;

  @BeforeAll
  static void startContext() {
    context = ApplicationContext.run();
    mapper = context.getBean(JsonMapper.class);
  }

  @AfterAll
  static void stopContext() {
    context.close();
  }

  private static String serialize(String json) throws IOException {
    DocumentBody body =
        new DocumentBodyReader()
            .read(
                HttpRequest.POST("/org/documents", "").contentType(MediaType.APPLICATION_JSON),
                json.getBytes(StandardCharsets.UTF_8));
    Instant created = Instant.parse("2026-01-15T09:30:00.123Z");
    TenantDocument document = new TenantDocument("doc-1", created, created, body);
    return new String(
        mapper.writeValueAsBytes(DocumentResponse.from(document)), StandardCharsets.UTF_8);
  }

  @Test
  void writesDocumentWithNullsAndEmptyValues() throws IOException {
    // given
    String json =
        "{\"none\":null,\"empty\":\"\",\"list\":[],\"object\":{},\"zero\":0,\"no\":false}";

    // when
    String written = serialize(json);

    // then
    assertThat(written)
        .isEqualTo(
            "{\"id\":\"doc-1\",\"created_at\":\"2026-01-15T09:30:00.123Z\","
                + "\"updated_at\":\"2026-01-15T09:30:00.123Z\",\"document\":"
                + json
                + "}");
  }

  @Test
  void writesExactNumbers() throws IOException {
    // given
    String json = "{\"big\":123456789012345678901234567890,\"price\":0.10,\"tiny\":1E-30}";

    // when
    String written = serialize(json);

    // then
    assertThat(written).endsWith("\"document\":" + json + "}");
  }
}
