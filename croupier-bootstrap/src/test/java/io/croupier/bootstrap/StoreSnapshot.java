package io.croupier.bootstrap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Contents of the embedded store of a running server, read with a plain MongoDB client through the
 * address that the server publishes in its data folder. The checks find what a consistent store
 * lacks: every organization settled, with one admin and its storage, and nothing that belongs to no
 * organization.
 *
 * <p>The layout it reads is the MongoDB adapter's: metadata in {@code organizations} and {@code
 * admin_users}, and documents in {@code tenant_documents} (shared tier, tagged with {@code
 * org_id}), in {@code org_<name>} (collection tier) or in the collection {@code documents} of a
 * database of the organization's own (database tier).
 */
final class StoreSnapshot {

  static final String MASTER = "croupier";

  /**
   * Prefix of the organizations' own databases. The database tier names them {@code
   * <master>_t_<organization id>} when the master name is short and the id is made of lower-case
   * letters, digits, {@code -} and {@code _}, as the UUIDs that Croupier assigns are.
   */
  static final String TENANT_DATABASE_PREFIX = MASTER + "_t_";

  private static final Set<String> SYSTEM_DATABASES = Set.of(MASTER, "admin", "local", "config");

  final List<Organization> organizations = new ArrayList<>();
  final List<Document> admins = new ArrayList<>();
  final Set<String> tenantCollections = new HashSet<>();
  final Set<String> tenantDatabases = new HashSet<>();
  final Set<String> sharedOwners = new HashSet<>();

  /** Organization metadata as stored; a missing tier or storage name reads as the default. */
  record Organization(
      String id,
      String name,
      String storageName,
      String adminId,
      String state,
      String tier,
      boolean renaming,
      boolean moving) {

    /** Returns the name, state and tier, and what is unfinished besides the state. */
    String describe() {
      String renamed = storageName.equals(name) ? "" : " with storage under " + storageName;
      return name + " " + state + " in tier " + tier + renamed + (moving ? " moving" : "");
    }
  }

  private StoreSnapshot() {}

  /** Reads the store of the server that runs on the data folder. */
  static StoreSnapshot read(Path dataFolder) {
    String address =
        EmbeddedMongoStore.publishedAddress(dataFolder)
            .orElseThrow(() -> new IllegalStateException("No store address in " + dataFolder));
    try (MongoClient client = MongoClients.create(address)) {
      return read(client);
    }
  }

  /**
   * Returns the organizations left unsettled in the data folder of a server that is not running,
   * read through an embedded store that this process starts on the folder and stops again.
   */
  static List<String> unsettledWhileStopped(Path dataFolder) {
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
        MongoClient client = MongoClients.create(store.connectionString())) {
      StoreSnapshot snapshot = new StoreSnapshot();
      snapshot.readOrganizations(client.getDatabase(MASTER));
      return snapshot.unsettled();
    }
  }

  private static StoreSnapshot read(MongoClient client) {
    StoreSnapshot snapshot = new StoreSnapshot();
    MongoDatabase master = client.getDatabase(MASTER);
    snapshot.readOrganizations(master);
    master.getCollection("admin_users").find().into(snapshot.admins);
    for (String collection : master.listCollectionNames()) {
      if (collection.startsWith("org_")) {
        snapshot.tenantCollections.add(collection);
      }
    }
    for (String database : client.listDatabaseNames()) {
      // The embedded store lists a database that was only read, which contains no collection.
      boolean hasCollection = client.getDatabase(database).listCollectionNames().first() != null;
      if (!SYSTEM_DATABASES.contains(database) && hasCollection) {
        snapshot.tenantDatabases.add(database);
      }
    }
    for (Document shared : master.getCollection("tenant_documents").find()) {
      snapshot.sharedOwners.add(shared.getString("org_id"));
    }
    return snapshot;
  }

  private void readOrganizations(MongoDatabase master) {
    for (Document document : master.getCollection("organizations").find()) {
      organizations.add(organization(document));
    }
  }

  private static Organization organization(Document document) {
    String name = document.getString("organization_name");
    String storageName = document.getString("storage_name");
    String tier = document.getString("tier");
    return new Organization(
        document.getString("_id"),
        name,
        storageName == null ? name : storageName,
        document.getString("admin_id"),
        document.getString("state"),
        tier == null ? "collection" : tier,
        Boolean.TRUE.equals(document.getBoolean("renaming")),
        document.get("move") != null);
  }

  /** Returns the organizations that are not active, move, or keep storage under another name. */
  List<String> unsettled() {
    List<String> found = new ArrayList<>();
    for (Organization organization : organizations) {
      boolean settled =
          organization.state().equals("ACTIVE")
              && !organization.moving()
              && !organization.renaming()
              && organization.storageName().equals(organization.name());
      if (!settled) {
        found.add(organization.describe());
      }
    }
    return found;
  }

  /** Returns the organizations that have no admin, several, or another than the one they name. */
  List<String> withoutSingleAdmin() {
    Map<String, List<String>> adminsByOrganization = new HashMap<>();
    for (Document admin : admins) {
      adminsByOrganization
          .computeIfAbsent(admin.getString("organization_id"), id -> new ArrayList<>())
          .add(admin.getString("_id"));
    }
    List<String> found = new ArrayList<>();
    for (Organization organization : organizations) {
      List<String> own = adminsByOrganization.getOrDefault(organization.id(), List.of());
      if (!own.equals(List.of(organization.adminId()))) {
        found.add(organization.name() + " has admins " + own);
      }
    }
    return found;
  }

  /** Returns the admins whose organization is gone. */
  List<String> orphanAdmins() {
    Set<String> ids = new HashSet<>();
    organizations.forEach(organization -> ids.add(organization.id()));
    List<String> found = new ArrayList<>();
    for (Document admin : admins) {
      if (!ids.contains(admin.getString("organization_id"))) {
        found.add(admin.getString("email") + " of " + admin.getString("organization_id"));
      }
    }
    return found;
  }

  /**
   * Returns the organizations whose storage is missing: a collection-tier organization without its
   * {@code org_<name>}, or a database-tier one without its database. The shared tier needs none.
   */
  List<String> withoutStorage() {
    List<String> found = new ArrayList<>();
    for (Organization organization : organizations) {
      boolean missing =
          switch (organization.tier()) {
            case "collection" -> !tenantCollections.contains(collectionName(organization));
            case "database" -> !tenantDatabases.contains(databaseName(organization));
            default -> false;
          };
      if (missing) {
        found.add(organization.name() + " in tier " + organization.tier());
      }
    }
    return found;
  }

  /**
   * Returns the storage that no organization of its tier owns: {@code org_*} collections, databases
   * other than the master and MongoDB's own, and owners of documents in the shared collection.
   */
  List<String> orphanStorage() {
    Set<String> owned = new HashSet<>();
    for (Organization organization : organizations) {
      switch (organization.tier()) {
        case "collection" -> owned.add(collectionName(organization));
        case "database" -> owned.add(databaseName(organization));
        default -> owned.add("shared:" + organization.id());
      }
    }
    List<String> found = new ArrayList<>();
    tenantCollections.stream().filter(name -> !owned.contains(name)).forEach(found::add);
    tenantDatabases.stream().filter(name -> !owned.contains(name)).forEach(found::add);
    sharedOwners.stream()
        .map(id -> "shared:" + id)
        .filter(owner -> !owned.contains(owner))
        .forEach(found::add);
    return found;
  }

  /** Returns the organization with the name, or null. */
  Organization organizationNamed(String name) {
    return organizations.stream()
        .filter(organization -> organization.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** Returns the email of the organization's admin, or null if it has none. */
  String adminEmail(Organization organization) {
    return admins.stream()
        .filter(admin -> Objects.equals(admin.getString("_id"), organization.adminId()))
        .map(admin -> admin.getString("email"))
        .findFirst()
        .orElse(null);
  }

  /** Returns the tiers in which the organization has storage, whatever its metadata records. */
  Set<String> tiersHolding(Organization organization) {
    Set<String> tiers = new HashSet<>();
    if (tenantCollections.contains(collectionName(organization))) {
      tiers.add("collection");
    }
    if (tenantDatabases.contains(databaseName(organization))) {
      tiers.add("database");
    }
    if (sharedOwners.contains(organization.id())) {
      tiers.add("shared");
    }
    return tiers;
  }

  static String collectionName(Organization organization) {
    return "org_" + organization.storageName();
  }

  static String databaseName(Organization organization) {
    return TENANT_DATABASE_PREFIX + organization.id();
  }

  /** Counts the organization's documents in the tier, read straight from the store. */
  static long countDocuments(MongoClient client, Organization organization, String tier) {
    MongoDatabase master = client.getDatabase(MASTER);
    return switch (tier) {
      case "collection" -> master.getCollection(collectionName(organization)).countDocuments();
      case "database" ->
          client
              .getDatabase(databaseName(organization))
              .getCollection("documents")
              .countDocuments();
      default ->
          master
              .getCollection("tenant_documents")
              .countDocuments(Filters.eq("org_id", organization.id()));
    };
  }
}
