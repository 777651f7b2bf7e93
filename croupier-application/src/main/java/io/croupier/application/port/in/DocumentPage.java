package io.croupier.application.port.in;

import io.croupier.domain.TenantDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of documents and the cursor of the next page, empty on the last page. */
public record DocumentPage(List<TenantDocument> documents, Optional<String> nextCursor) {

  public DocumentPage {
    documents = List.copyOf(documents);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
