package io.croupier.application.port.out;

import io.croupier.domain.TenantDocument;
import java.time.Instant;
import java.util.Objects;

/** Position of a document in creation order: its creation time, then its id. */
public record DocumentPosition(Instant createdAt, String id) {

  public DocumentPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** Returns the position of the document. */
  public static DocumentPosition of(TenantDocument document) {
    return new DocumentPosition(document.createdAt(), document.id());
  }
}
