package io.croupier.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Isolation level of an organization's data from the data of other organizations. Every tier offers
 * the same operations; they differ in cost and isolation.
 */
public enum TenantTier {

  /** One collection for all organizations of the tier, each document tagged with its owner. */
  SHARED("shared"),

  /** A collection of the organization's own, {@code org_<name>}, in the master database. */
  COLLECTION("collection"),

  /** A database of the organization's own, named after its id so that a rename moves nothing. */
  DATABASE("database");

  public static final String FIELD = "tier";

  private final String value;

  TenantTier(String value) {
    this.value = value;
  }

  /** Returns the lower-case name used in requests, responses and configuration. */
  public String value() {
    return value;
  }

  /**
   * Returns the tier with the given name, ignoring case and surrounding blanks.
   *
   * @throws InvalidField if no tier has the name
   */
  public static TenantTier of(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(tier -> tier.value.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidField(FIELD, "Tier '" + value + "' is unknown; use one of " + names()));
  }

  private static String names() {
    return Arrays.stream(values()).map(TenantTier::value).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return value;
  }
}
