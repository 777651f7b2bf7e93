package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Problem responses of the failures that the document routes and tier moves add. */
class ProblemExceptionHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrganizationName ACME = OrganizationName.of("acme");

  private final ProblemExceptionHandler handler =
      new ProblemExceptionHandler(new ProblemResponses());

  private static JsonNode problem(HttpResponse<?> response) throws IOException {
    return JSON.readTree((byte[]) response.body());
  }

  @Test
  void mapsDocumentNotFoundTo404() throws IOException {
    // when
    HttpResponse<?> response =
        handler.handle(HttpRequest.GET("/org/documents/doc-1"), new DocumentNotFound("doc-1"));

    // then
    assertThat(response.getStatus().getCode()).isEqualTo(404);
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:croupier:problem:document-not-found");
    assertThat(problem(response).get("detail").asText()).contains("doc-1");
  }

  @Test
  void mapsTenantSwitchingTo503WithRetryAfter() throws IOException {
    // when
    HttpResponse<?> response =
        handler.handle(HttpRequest.DELETE("/org/documents/doc-1"), new TenantSwitching(ACME));

    // then
    assertThat(response.getStatus().getCode()).isEqualTo(503);
    assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER))
        .isEqualTo(Long.toString(TenantSwitching.RETRY_AFTER_SECONDS));
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:croupier:problem:tenant-switching");
  }

  @Test
  void mapsOrganizationMovingTo409() throws IOException {
    // given
    TenantMove move = TenantMove.begin(TenantTier.COLLECTION, TenantTier.DATABASE, Instant.now());

    // when
    HttpResponse<?> response =
        handler.handle(HttpRequest.PUT("/org/update", "{}"), new OrganizationMoving(ACME, move));

    // then
    assertThat(response.getStatus().getCode()).isEqualTo(409);
    assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).isNull();
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:croupier:problem:organization-moving");
    assertThat(problem(response).get("detail").asText()).contains("database");
  }

  @Test
  void mapsOrganizationChangedTo409() throws IOException {
    // when
    HttpResponse<?> response =
        handler.handle(HttpRequest.PUT("/org/update", "{}"), new OrganizationChanged(ACME));

    // then
    assertThat(response.getStatus().getCode()).isEqualTo(409);
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:croupier:problem:organization-changed");
    assertThat(problem(response).get("detail").asText()).contains("retry");
  }

  @Test
  void mapsBodyTooLargeTo413WithItsDetail() throws IOException {
    // when
    HttpResponse<?> response =
        handler.handle(
            HttpRequest.POST("/org/create", "{}"), new BodyTooLarge(BodyLimits.TOO_LARGE));

    // then
    assertThat(response.getStatus().getCode()).isEqualTo(413);
    assertThat(problem(response).get("type").asText())
        .isEqualTo("urn:croupier:problem:body-too-large");
    assertThat(problem(response).get("detail").asText()).isEqualTo(BodyLimits.TOO_LARGE);
  }

  @Test
  void namesDocumentLimitForDocumentPaths() {
    assertThat(BodyLimits.tooLargeDetail("/org/documents")).contains("80 KiB");
    assertThat(BodyLimits.tooLargeDetail("/org/documents/doc-1")).contains("80 KiB");
  }

  @Test
  void namesGeneralLimitForOtherPaths() {
    assertThat(BodyLimits.tooLargeDetail("/org/create")).contains("16 KiB");
    assertThat(BodyLimits.tooLargeDetail("/org/documentsx")).contains("16 KiB");
  }
}
