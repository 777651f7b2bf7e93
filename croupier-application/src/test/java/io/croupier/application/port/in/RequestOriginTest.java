package io.croupier.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

  @Test
  void unknownOriginHasNoAddress() {
    assertThat(RequestOrigin.unknown().clientAddress()).isNull();
  }

  @Test
  void unknownOriginHasNoRequestId() {
    assertThat(RequestOrigin.unknown().requestId()).isNull();
  }
}
