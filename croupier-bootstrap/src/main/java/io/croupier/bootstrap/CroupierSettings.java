package io.croupier.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings under {@code croupier.*}, read from {@code application.yml}, system properties and
 * environment variables such as {@code CROUPIER_MONGODB_URI} and {@code CROUPIER_DATA_DIR}.
 */
@ConfigurationProperties("croupier")
public final class CroupierSettings {

  static final int DEFAULT_BCRYPT_COST = 12;
  static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(60);

  private static final Pattern TTL =
      Pattern.compile("(\\d{1,9})\\s*(s|sec|seconds?|m|min|minutes?|h|hours?)?");

  private String mongodbUri;
  private String dataDir = "./croupier-data";
  private String jwtSecret;
  private String jwtSecretFile;
  private String tokenTtl;
  private int bcryptCost = DEFAULT_BCRYPT_COST;

  /** Connection string of an external MongoDB; empty means the embedded store. */
  public Optional<String> mongodbUri() {
    return Optional.ofNullable(mongodbUri).filter(uri -> !uri.isBlank());
  }

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  public Optional<String> jwtSecret() {
    return Optional.ofNullable(jwtSecret).filter(secret -> !secret.isEmpty());
  }

  public Optional<Path> jwtSecretFile() {
    return Optional.ofNullable(jwtSecretFile).filter(file -> !file.isBlank()).map(Path::of);
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  /**
   * Returns the access-token lifetime. A bare number is minutes; a number with {@code s}, {@code m}
   * or {@code h}, or an ISO-8601 duration such as {@code PT2H}, is taken as written.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration tokenTtl() {
    return tokenTtl == null || tokenTtl.isBlank() ? DEFAULT_TOKEN_TTL : parseTtl(tokenTtl);
  }

  static Duration parseTtl(String raw) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    Duration ttl;
    Matcher matcher = TTL.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? "m" : matcher.group(2).substring(0, 1);
      ttl =
          switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
          };
    } else {
      try {
        ttl = Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException unreadable) {
        throw invalidTtl(raw);
      }
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw invalidTtl(raw);
    }
    return ttl;
  }

  private static IllegalArgumentException invalidTtl(String raw) {
    return new IllegalArgumentException(
        "CROUPIER_TOKEN_TTL '"
            + raw
            + "' is invalid; give a positive number of minutes, such as 60, or a duration such"
            + " as 90s, 2h or PT2H");
  }

  /**
   * Reads the settings from {@code CROUPIER_*} environment variables, for the commands that run
   * without the application context; a variable that is not set keeps its default.
   *
   * @throws IllegalArgumentException naming the variable if {@code CROUPIER_BCRYPT_COST} is not a
   *     number
   */
  static CroupierSettings fromEnvironment(Map<String, String> environment) {
    CroupierSettings settings = new CroupierSettings();
    settings.setMongodbUri(environment.get("CROUPIER_MONGODB_URI"));
    Optional.ofNullable(environment.get("CROUPIER_DATA_DIR"))
        .filter(folder -> !folder.isBlank())
        .ifPresent(settings::setDataDir);
    settings.setJwtSecret(environment.get("CROUPIER_JWT_SECRET"));
    settings.setJwtSecretFile(environment.get("CROUPIER_JWT_SECRET_FILE"));
    settings.setTokenTtl(environment.get("CROUPIER_TOKEN_TTL"));
    String cost = environment.get("CROUPIER_BCRYPT_COST");
    if (cost != null && !cost.isBlank()) {
      settings.setBcryptCost(parseBcryptCost(cost));
    }
    return settings;
  }

  private static int parseBcryptCost(String raw) {
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "CROUPIER_BCRYPT_COST '" + raw + "' is not a whole number; use 4 to 31");
    }
  }

  public void setMongodbUri(@Nullable String mongodbUri) {
    this.mongodbUri = mongodbUri;
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public void setJwtSecret(@Nullable String jwtSecret) {
    this.jwtSecret = jwtSecret;
  }

  public void setJwtSecretFile(@Nullable String jwtSecretFile) {
    this.jwtSecretFile = jwtSecretFile;
  }

  public void setTokenTtl(@Nullable String tokenTtl) {
    this.tokenTtl = tokenTtl;
  }

  public void setBcryptCost(int bcryptCost) {
    this.bcryptCost = bcryptCost;
  }

  @Override
  public String toString() {
    return "CroupierSettings[store="
        + (mongodbUri().isPresent() ? "external MongoDB" : "embedded in " + dataDir())
        + ", bcryptCost="
        + bcryptCost
        + "]";
  }
}
