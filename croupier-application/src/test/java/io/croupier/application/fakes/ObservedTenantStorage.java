package io.croupier.application.fakes;

import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Tenant storage that passes every call on to another. After each page read and each read by id, it
 * passes the number of documents read to a listener.
 */
public final class ObservedTenantStorage implements TenantStorage {

  private final TenantStorage storage;
  private final IntConsumer afterPage;
  private final IntConsumer afterFind;

  public ObservedTenantStorage(
      TenantStorage storage, IntConsumer afterPage, IntConsumer afterFind) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.afterPage = Objects.requireNonNull(afterPage, "afterPage");
    this.afterFind = Objects.requireNonNull(afterFind, "afterFind");
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    return storage.locate(placement);
  }

  @Override
  public void create(TenantPlacement placement) {
    storage.create(placement);
  }

  @Override
  public void rename(TenantPlacement placement, OrganizationName to) {
    storage.rename(placement, to);
  }

  @Override
  public void drop(TenantPlacement placement) {
    storage.drop(placement);
  }

  @Override
  public boolean exists(TenantPlacement placement) {
    return storage.exists(placement);
  }

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    return new ObservedDocuments(storage.documents(placement));
  }

  private final class ObservedDocuments implements TenantDocuments {

    private final TenantDocuments documents;

    ObservedDocuments(TenantDocuments documents) {
      this.documents = documents;
    }

    @Override
    public void insert(TenantDocument document) {
      documents.insert(document);
    }

    @Override
    public Optional<TenantDocument> find(String id) {
      Optional<TenantDocument> found = documents.find(id);
      afterFind.accept(found.isPresent() ? 1 : 0);
      return found;
    }

    @Override
    public boolean replace(TenantDocument document) {
      return documents.replace(document);
    }

    @Override
    public boolean put(TenantDocument document) {
      return documents.put(document);
    }

    @Override
    public boolean delete(String id) {
      return documents.delete(id);
    }

    @Override
    public List<TenantDocument> page(Optional<DocumentPosition> after, int limit) {
      List<TenantDocument> page = documents.page(after, limit);
      afterPage.accept(page.size());
      return page;
    }

    @Override
    public List<TenantDocument> pageInIdOrder(Optional<String> afterId, int limit) {
      List<TenantDocument> page = documents.pageInIdOrder(afterId, limit);
      afterPage.accept(page.size());
      return page;
    }

    @Override
    public long count() {
      return documents.count();
    }
  }
}
