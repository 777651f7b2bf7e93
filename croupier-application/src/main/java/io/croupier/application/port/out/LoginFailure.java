package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** One recorded login failure of a key, with the id the log gave it. */
public record LoginFailure(String id, Instant time) {

  public LoginFailure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
  }
}
