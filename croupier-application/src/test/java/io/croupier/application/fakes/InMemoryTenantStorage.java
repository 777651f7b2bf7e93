package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tenant storage as a map from storage key to the organization's documents. The collection tier's
 * key is {@code org_<name>}, the shared tier's {@code shared:<id>} and the database tier's {@code
 * database:<id>}, so that a test can check that data follows a rename and disappears with a drop.
 * The shared tier's storage exists while it holds a document, as in the real store.
 */
public final class InMemoryTenantStorage implements TenantStorage {

  /** Prefix of every collection-tier storage key. */
  public static final String PREFIX = "org_";

  private static final Comparator<DocumentPosition> ORDER =
      Comparator.comparing(DocumentPosition::createdAt).thenComparing(DocumentPosition::id);

  private final Map<String, TreeMap<DocumentPosition, TenantDocument>> storage =
      new LinkedHashMap<>();
  private final FailurePlan failures;
  private Runnable beforeNextRename = () -> {};

  public InMemoryTenantStorage(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Sets a step that the next {@link #rename} runs first, once, so that a test can make another
   * request act while a rename is under way.
   */
  public synchronized void beforeNextRename(Runnable step) {
    this.beforeNextRename = Objects.requireNonNull(step, "step");
  }

  /** Returns the collection name of the organization's storage in the collection tier. */
  public static String collectionName(OrganizationName name) {
    return PREFIX + name.value();
  }

  /** Returns the storage key of the placement. */
  public static String key(TenantPlacement placement) {
    return switch (placement.tier()) {
      case COLLECTION -> collectionName(placement.storageName());
      case SHARED -> "shared:" + placement.organizationId();
      case DATABASE -> "database:" + placement.organizationId();
    };
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    failures.check(Operation.TENANT_LOCATE);
    String key = key(placement);
    String kind = placement.tier() == TenantTier.COLLECTION ? "Collection: " : "Storage: ";
    return new TenantLocation(key, kind + key);
  }

  @Override
  public synchronized void create(TenantPlacement placement) {
    failures.check(Operation.TENANT_CREATE);
    if (placement.tier() != TenantTier.SHARED) {
      if (storage.containsKey(key(placement))) {
        throw new OrganizationNameTaken(placement.storageName());
      }
      storage.put(key(placement), new TreeMap<>(ORDER));
    }
    failures.checkAfterEffect(Operation.TENANT_CREATE);
  }

  /**
   * Moves the storage and its documents to the new name in the collection tier.
   *
   * @throws OrganizationNameTaken if storage with the new name exists
   * @throws IllegalStateException if no storage has the old name
   */
  @Override
  public synchronized void rename(TenantPlacement placement, OrganizationName to) {
    Runnable step = beforeNextRename;
    beforeNextRename = () -> {};
    step.run();
    failures.check(Operation.TENANT_RENAME);
    if (placement.tier() == TenantTier.COLLECTION) {
      String source = key(placement);
      String target = key(placement.named(to));
      if (!storage.containsKey(source)) {
        throw new IllegalStateException("No tenant storage " + source + " to rename");
      }
      if (storage.containsKey(target)) {
        throw new OrganizationNameTaken(to);
      }
      storage.put(target, storage.remove(source));
    }
    failures.checkAfterEffect(Operation.TENANT_RENAME);
  }

  @Override
  public synchronized void drop(TenantPlacement placement) {
    failures.check(Operation.TENANT_DROP);
    storage.remove(key(placement));
    failures.checkAfterEffect(Operation.TENANT_DROP);
  }

  @Override
  public synchronized boolean exists(TenantPlacement placement) {
    failures.check(Operation.TENANT_EXISTS);
    TreeMap<DocumentPosition, TenantDocument> documents = storage.get(key(placement));
    if (placement.tier() == TenantTier.SHARED) {
      return documents != null && !documents.isEmpty();
    }
    return documents != null;
  }

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    return new Documents(key(placement), placement.tier() == TenantTier.SHARED);
  }

  /** Returns the collection-tier placement for the name, for tests that address storage by name. */
  public static TenantPlacement collectionTier(OrganizationName name) {
    return new TenantPlacement("unknown", name, TenantTier.COLLECTION);
  }

  /** Makes collection-tier storage for the name. */
  public void create(OrganizationName name) {
    create(collectionTier(name));
  }

  /** Moves collection-tier storage to another name. */
  public void rename(OrganizationName from, OrganizationName to) {
    rename(collectionTier(from), to);
  }

  /** Returns whether collection-tier storage for the name exists. */
  public boolean exists(OrganizationName name) {
    return exists(collectionTier(name));
  }

  /** Drops collection-tier storage for the name. */
  public void drop(OrganizationName name) {
    drop(collectionTier(name));
  }

  /**
   * Adds placeholder documents to the organization's existing collection-tier storage.
   *
   * @throws IllegalStateException if the organization has no storage
   */
  public synchronized void addDocuments(OrganizationName name, int count) {
    TreeMap<DocumentPosition, TenantDocument> documents = storage.get(collectionName(name));
    if (documents == null) {
      throw new IllegalStateException("No tenant storage " + collectionName(name));
    }
    for (int index = 0; index < count; index++) {
      TenantDocument document =
          new TenantDocument(
              UUID.randomUUID().toString(),
              Instant.EPOCH,
              Instant.EPOCH,
              DocumentBody.of(Map.of("n", index)));
      documents.put(DocumentPosition.of(document), document);
    }
  }

  /** Returns the number of documents in collection-tier storage, or empty if it has none. */
  public synchronized OptionalInt documentCount(OrganizationName name) {
    TreeMap<DocumentPosition, TenantDocument> documents = storage.get(collectionName(name));
    return documents == null ? OptionalInt.empty() : OptionalInt.of(documents.size());
  }

  /** Returns the key of every storage that exists. */
  public synchronized Set<String> collectionNames() {
    return storage.entrySet().stream()
        .filter(entry -> !entry.getKey().startsWith("shared:") || !entry.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Returns the document count of every storage that exists, for comparing states. */
  public synchronized Map<String, Integer> snapshot() {
    return collectionNames().stream()
        .collect(Collectors.toUnmodifiableMap(key -> key, key -> storage.get(key).size()));
  }

  /** Documents under one storage key; the shared tier makes its storage on the first write. */
  private final class Documents implements TenantDocuments {

    private final String key;
    private final boolean createOnWrite;

    Documents(String key, boolean createOnWrite) {
      this.key = key;
      this.createOnWrite = createOnWrite;
    }

    private TreeMap<DocumentPosition, TenantDocument> readable() {
      return storage.getOrDefault(key, new TreeMap<>(ORDER));
    }

    private TreeMap<DocumentPosition, TenantDocument> writable() {
      if (createOnWrite) {
        return storage.computeIfAbsent(key, unused -> new TreeMap<>(ORDER));
      }
      TreeMap<DocumentPosition, TenantDocument> documents = storage.get(key);
      if (documents == null) {
        throw new IllegalStateException("No tenant storage " + key);
      }
      return documents;
    }

    private Optional<TenantDocument> byId(String id) {
      return readable().values().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public void insert(TenantDocument document) {
      synchronized (InMemoryTenantStorage.this) {
        if (byId(document.id()).isPresent()) {
          throw new IllegalStateException("Document id exists: " + document.id());
        }
        writable().put(DocumentPosition.of(document), document);
      }
    }

    @Override
    public Optional<TenantDocument> find(String id) {
      synchronized (InMemoryTenantStorage.this) {
        return byId(id);
      }
    }

    @Override
    public boolean replace(TenantDocument document) {
      synchronized (InMemoryTenantStorage.this) {
        Optional<TenantDocument> existing = byId(document.id());
        existing.ifPresent(old -> writable().remove(DocumentPosition.of(old)));
        existing.ifPresent(old -> writable().put(DocumentPosition.of(document), document));
        return existing.isPresent();
      }
    }

    @Override
    public boolean put(TenantDocument document) {
      synchronized (InMemoryTenantStorage.this) {
        Optional<TenantDocument> existing = byId(document.id());
        existing.ifPresent(old -> writable().remove(DocumentPosition.of(old)));
        writable().put(DocumentPosition.of(document), document);
        return existing.isPresent();
      }
    }

    @Override
    public boolean delete(String id) {
      synchronized (InMemoryTenantStorage.this) {
        Optional<TenantDocument> existing = byId(id);
        existing.ifPresent(old -> writable().remove(DocumentPosition.of(old)));
        return existing.isPresent();
      }
    }

    @Override
    public List<TenantDocument> page(Optional<DocumentPosition> after, int limit) {
      synchronized (InMemoryTenantStorage.this) {
        TreeMap<DocumentPosition, TenantDocument> documents = readable();
        var view = after.isPresent() ? documents.tailMap(after.get(), false) : documents;
        return view.values().stream().limit(limit).toList();
      }
    }

    @Override
    public List<TenantDocument> pageInIdOrder(Optional<String> afterId, int limit) {
      synchronized (InMemoryTenantStorage.this) {
        return readable().values().stream()
            .filter(document -> afterId.map(id -> document.id().compareTo(id) > 0).orElse(true))
            .sorted(Comparator.comparing(TenantDocument::id))
            .limit(limit)
            .toList();
      }
    }

    @Override
    public long count() {
      synchronized (InMemoryTenantStorage.this) {
        return readable().size();
      }
    }
  }
}
