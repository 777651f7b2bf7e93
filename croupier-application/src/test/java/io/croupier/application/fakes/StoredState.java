package io.croupier.application.fakes;

import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import java.util.Map;

/**
 * Everything the fakes store at one moment: organizations and admins by id, and the document count
 * of every tenant collection by collection name.
 */
public record StoredState(
    Map<String, Organization> organizations,
    Map<String, AdminUser> admins,
    Map<String, Integer> documentsByCollection) {

  public StoredState {
    organizations = Map.copyOf(organizations);
    admins = Map.copyOf(admins);
    documentsByCollection = Map.copyOf(documentsByCollection);
  }

  /** Returns the state of fakes that store nothing. */
  public static StoredState empty() {
    return new StoredState(Map.of(), Map.of(), Map.of());
  }

  /** Returns whether nothing at all is stored. */
  public boolean isEmpty() {
    return organizations.isEmpty() && admins.isEmpty() && documentsByCollection.isEmpty();
  }
}
