package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.port.out.AuditPosition;
import io.croupier.domain.InvalidField;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

  @Test
  void decodesWhatItEncodes() {
    // given
    AuditPosition position = new AuditPosition(Instant.parse("2025-01-01T00:00:00.123Z"), "a:b");

    // when
    AuditPosition decoded = AuditCursor.decode(AuditCursor.encode(position));

    // then
    assertThat(decoded).isEqualTo(position);
  }

  @Test
  void keepsTimesBeforeEpoch() {
    // given
    AuditPosition position = new AuditPosition(Instant.parse("1969-12-31T23:59:59.999Z"), "x");

    // when
    AuditPosition decoded = AuditCursor.decode(AuditCursor.encode(position));

    // then
    assertThat(decoded).isEqualTo(position);
  }

  @Test
  void rejectsCursorWithoutId() {
    // given "123:" in base64url
    String cursor = "MTIzOg";

    // when / then
    assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> AuditCursor.decode(cursor));
  }

  @Test
  void messageLeavesOutCursor() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> AuditCursor.decode("c2VjcmV0LWN1cnNvcg"))
            .actual();

    // then
    assertThat(error.getMessage()).doesNotContain("c2VjcmV0LWN1cnNvcg");
  }
}
