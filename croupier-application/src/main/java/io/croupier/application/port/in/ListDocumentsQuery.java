package io.croupier.application.port.in;

import io.croupier.domain.InvalidField;
import java.util.Objects;
import java.util.Optional;

/**
 * Request for one page of documents: at most {@code limit} of them, 1 to 1000, after the position
 * that {@code after} encodes, or from the oldest one when it is empty.
 */
public record ListDocumentsQuery(int limit, Optional<String> after) {

  public static final String LIMIT_FIELD = "limit";
  public static final String AFTER_FIELD = "after";
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 1000;

  public ListDocumentsQuery {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidField(
          LIMIT_FIELD, "Limit " + limit + " is out of range; use 1 to " + MAX_LIMIT);
    }
  }
}
