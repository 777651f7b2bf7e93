package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Tenant storage as a map from collection name ({@code org_<name>}) to a document count, so that a
 * test can check that data follows a rename and disappears with a drop.
 */
public final class InMemoryTenantStorage implements TenantStorage {

  /** Prefix of every tenant collection name. */
  public static final String PREFIX = "org_";

  private final Map<String, Integer> documentsByCollection = new LinkedHashMap<>();
  private final FailurePlan failures;

  public InMemoryTenantStorage(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /** Returns the collection name of the organization's storage. */
  public static String collectionName(OrganizationName name) {
    return PREFIX + name.value();
  }

  @Override
  public TenantLocation locate(OrganizationName name) {
    failures.check(Operation.TENANT_LOCATE);
    String collection = collectionName(name);
    return new TenantLocation(collection, "Collection: " + collection);
  }

  @Override
  public synchronized void create(OrganizationName name) {
    failures.check(Operation.TENANT_CREATE);
    String collection = collectionName(name);
    if (documentsByCollection.containsKey(collection)) {
      throw new OrganizationNameTaken(name);
    }
    documentsByCollection.put(collection, 0);
    failures.checkAfterEffect(Operation.TENANT_CREATE);
  }

  /**
   * Moves the storage and its documents to the new name.
   *
   * @throws OrganizationNameTaken if storage with the new name exists
   * @throws IllegalStateException if no storage has the old name
   */
  @Override
  public synchronized void rename(OrganizationName from, OrganizationName to) {
    failures.check(Operation.TENANT_RENAME);
    String source = collectionName(from);
    String target = collectionName(to);
    if (!documentsByCollection.containsKey(source)) {
      throw new IllegalStateException("No tenant storage " + source + " to rename");
    }
    if (documentsByCollection.containsKey(target)) {
      throw new OrganizationNameTaken(to);
    }
    documentsByCollection.put(target, documentsByCollection.remove(source));
    failures.checkAfterEffect(Operation.TENANT_RENAME);
  }

  @Override
  public synchronized void drop(OrganizationName name) {
    failures.check(Operation.TENANT_DROP);
    documentsByCollection.remove(collectionName(name));
    failures.checkAfterEffect(Operation.TENANT_DROP);
  }

  @Override
  public synchronized boolean exists(OrganizationName name) {
    failures.check(Operation.TENANT_EXISTS);
    return documentsByCollection.containsKey(collectionName(name));
  }

  /**
   * Adds documents to the organization's existing storage, standing in for tenant data.
   *
   * @throws IllegalStateException if the organization has no storage
   */
  public synchronized void addDocuments(OrganizationName name, int count) {
    String collection = collectionName(name);
    if (!documentsByCollection.containsKey(collection)) {
      throw new IllegalStateException("No tenant storage " + collection);
    }
    documentsByCollection.merge(collection, count, Integer::sum);
  }

  /** Returns the number of documents in the organization's storage, or empty if it has none. */
  public synchronized OptionalInt documentCount(OrganizationName name) {
    Integer count = documentsByCollection.get(collectionName(name));
    return count == null ? OptionalInt.empty() : OptionalInt.of(count);
  }

  /** Returns the names of every existing tenant collection. */
  public synchronized Set<String> collectionNames() {
    return Set.copyOf(documentsByCollection.keySet());
  }

  /** Returns a copy of the document count of every collection, for comparing states. */
  public synchronized Map<String, Integer> snapshot() {
    return Map.copyOf(documentsByCollection);
  }
}
