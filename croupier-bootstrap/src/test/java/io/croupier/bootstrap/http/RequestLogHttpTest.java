package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Log lines of rejected requests whose query carries encoded control characters. */
class RequestLogHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  /** Returns the captured lines that contain the marker. */
  private static List<String> linesWith(String marker) {
    return server.logs().lines().stream().filter(line -> line.contains(marker)).toList();
  }

  @Test
  void escapesLineBreakInQuery() {
    // given
    String marker = NewOrganization.uniqueName();
    String forged = "x'%0A2026-01-01T00:00:00.000Z%20ERROR%20" + marker + "%0D%09%1B";

    // when
    Reply reply = server.get("/org/get?organization_name=" + forged);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(422);
    List<String> lines = linesWith(marker);
    assertThat(lines).isNotEmpty();
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
    assertThat(lines).allSatisfy(line -> assertThat(line).contains("x'\\n2026-01-01"));
    assertThat(lines).allSatisfy(line -> assertThat(line).contains("\\r\\t\\u001b"));
  }
}
