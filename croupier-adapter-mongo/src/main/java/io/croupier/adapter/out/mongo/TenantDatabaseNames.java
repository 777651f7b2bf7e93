package io.croupier.adapter.out.mongo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of the databases of the database tier: {@code <prefix>_t_<organization id>}, with a prefix
 * derived from the master database's name, so that a rename of the organization moves nothing.
 *
 * <p>MongoDB rejects database names of 64 bytes or more, names with any of {@code /\. "$*<>:|?} or
 * NUL, and a name that differs from an existing one only by case. A name here therefore consists of
 * lower-case ASCII letters, digits, {@code _} and {@code -} only, and has at most {@value
 * #MAX_BYTES} bytes:
 *
 * <ul>
 *   <li>The prefix is the master name in lower case if that is at most {@value #MAX_PREFIX_LENGTH}
 *       of those characters. Otherwise it is the first 11 characters, with any other character
 *       replaced by {@code _}, then {@code -} and 8 hex digits of the SHA-256 of the master name.
 *   <li>An organization id of those characters follows {@code _t_} if the name fits. Any other id,
 *       including one with an upper-case letter, is replaced by {@code _h_} and 32 hex digits of
 *       its SHA-256, so ids that differ only by case get different names.
 * </ul>
 *
 * <p>The prefix is the same for every name of one master database, and {@code _t_} and {@code _h_}
 * tell the two forms apart, so distinct organization ids of one master database get distinct names
 * unless two SHA-256 values share their first 128 bits.
 */
final class TenantDatabaseNames {

  /** Maximum length of a MongoDB database name in bytes. */
  static final int MAX_BYTES = 63;

  /** Maximum length of a master database name used as the prefix unchanged. */
  static final int MAX_PREFIX_LENGTH = 20;

  static final String BY_ID = "_t_";
  static final String BY_HASH = "_h_";

  private static final Pattern SAFE = Pattern.compile("[a-z0-9_-]+");
  private static final Pattern UNSAFE_CHARACTER = Pattern.compile("[^a-z0-9_-]");
  private static final int SHORTENED_PREFIX_LENGTH = 11;
  private static final int PREFIX_HASH_DIGITS = 8;
  private static final int ID_HASH_DIGITS = 32;

  private TenantDatabaseNames() {}

  /** Returns the name of the organization's database next to the master database. */
  static String of(String masterName, String organizationId) {
    String prefix = prefix(masterName);
    String byId = prefix + BY_ID + organizationId;
    if (SAFE.matcher(organizationId).matches() && byId.length() <= MAX_BYTES) {
      return byId;
    }
    return prefix + BY_HASH + sha256Hex(organizationId).substring(0, ID_HASH_DIGITS);
  }

  /**
   * Returns the prefix for the master database. Lower-casing keeps distinct master names distinct,
   * because MongoDB admits no two databases whose names differ only by case.
   */
  static String prefix(String masterName) {
    String lower = masterName.toLowerCase(Locale.ROOT);
    if (SAFE.matcher(lower).matches() && lower.length() <= MAX_PREFIX_LENGTH) {
      return lower;
    }
    String safe = UNSAFE_CHARACTER.matcher(lower).replaceAll("_");
    String start = safe.substring(0, Math.min(SHORTENED_PREFIX_LENGTH, safe.length()));
    return start + "-" + sha256Hex(masterName).substring(0, PREFIX_HASH_DIGITS);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }
}
