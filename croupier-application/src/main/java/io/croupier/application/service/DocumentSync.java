package io.croupier.application.service;

import io.croupier.application.port.out.TenantDocuments;
import io.croupier.domain.TenantDocument;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Compares two copies of an organization's documents in id order and makes the target equal to the
 * source: missing and changed documents are put, extra ones deleted. Id order costs the same per
 * page at any depth in every store. The walk runs a callback after every page it reads, so that a
 * long walk can show it is still alive.
 */
final class DocumentSync {

  private static final int BATCH = 500;

  private DocumentSync() {}

  /** Makes the target equal to the source and returns how many documents it changed. */
  static long apply(TenantDocuments source, TenantDocuments target, Runnable afterPage) {
    Pages sourceDocuments = new Pages(source, afterPage);
    Pages targetDocuments = new Pages(target, afterPage);
    long changes = 0;
    while (sourceDocuments.hasNext() || targetDocuments.hasNext()) {
      int order = compare(sourceDocuments, targetDocuments);
      if (order < 0) {
        TenantDocument missing = sourceDocuments.next();
        changes++;
        target.put(missing);
      } else if (order > 0) {
        TenantDocument extra = targetDocuments.next();
        changes++;
        target.delete(extra.id());
      } else {
        TenantDocument wanted = sourceDocuments.next();
        if (!wanted.equals(targetDocuments.next())) {
          changes++;
          target.put(wanted);
        }
      }
    }
    return changes;
  }

  /** Orders the next documents of both copies; a finished copy sorts after everything. */
  private static int compare(Pages source, Pages target) {
    if (!target.hasNext()) {
      return -1;
    }
    if (!source.hasNext()) {
      return 1;
    }
    return source.peek().id().compareTo(target.peek().id());
  }

  /** Iterates over all documents of one copy, one page at a time. */
  private static final class Pages implements Iterator<TenantDocument> {

    private final TenantDocuments documents;
    private final Runnable afterPage;
    private List<TenantDocument> page;
    private int index;

    Pages(TenantDocuments documents, Runnable afterPage) {
      this.documents = documents;
      this.afterPage = afterPage;
      this.page = documents.pageInIdOrder(Optional.empty(), BATCH);
      afterPage.run();
    }

    @Override
    public boolean hasNext() {
      if (index < page.size()) {
        return true;
      }
      if (page.size() < BATCH) {
        return false;
      }
      String last = page.get(page.size() - 1).id();
      page = documents.pageInIdOrder(Optional.of(last), BATCH);
      afterPage.run();
      index = 0;
      return !page.isEmpty();
    }

    TenantDocument peek() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index);
    }

    @Override
    public TenantDocument next() {
      TenantDocument document = peek();
      index++;
      return document;
    }
  }
}
