package io.croupier.bootstrap;

import io.croupier.adapter.in.http.TrustedProxies;
import io.croupier.adapter.out.security.BoundedPasswordHasher;
import io.croupier.domain.InvalidField;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.TenantTier;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Settings under {@code croupier.*}, read from {@code application.yml}, system properties and
 * environment variables such as {@code CROUPIER_MONGODB_URI} and {@code CROUPIER_DATA_DIR}. Values
 * are kept as text and checked when read, so that an invalid value stops start-up with a message
 * that names its environment variable.
 */
@ConfigurationProperties("croupier")
public final class CroupierSettings {

  static final int DEFAULT_BCRYPT_COST = 12;
  static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(60);
  static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(14);
  static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(365);
  static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);

  static final String TOKEN_TTL = "CROUPIER_TOKEN_TTL";
  static final String REFRESH_TOKEN_TTL = "CROUPIER_REFRESH_TOKEN_TTL";
  static final String AUDIT_RETENTION = "CROUPIER_AUDIT_RETENTION";
  static final String LOGIN_ACCOUNT_FAILURES = "CROUPIER_LOGIN_ACCOUNT_FAILURES";
  static final String LOGIN_ACCOUNT_WINDOW = "CROUPIER_LOGIN_ACCOUNT_WINDOW";
  static final String LOGIN_ADDRESS_FAILURES = "CROUPIER_LOGIN_ADDRESS_FAILURES";
  static final String LOGIN_ADDRESS_WINDOW = "CROUPIER_LOGIN_ADDRESS_WINDOW";
  static final String DEFAULT_TIER = "CROUPIER_DEFAULT_TIER";
  static final String MOVE_SETTLE = "CROUPIER_MOVE_SETTLE";
  static final String RECOVERY_DELAY = "CROUPIER_RECOVERY_DELAY";
  static final String STORE_TIMEOUT = "CROUPIER_STORE_TIMEOUT";
  static final String SHUTDOWN_GRACE_PERIOD = "CROUPIER_SHUTDOWN_GRACE_PERIOD";
  static final String BCRYPT_THREADS = "CROUPIER_BCRYPT_THREADS";
  static final String BCRYPT_QUEUE_CAPACITY = "CROUPIER_BCRYPT_QUEUE_CAPACITY";
  static final String CACHE_TTL = "CROUPIER_CACHE_TTL";

  private String mongodbUri;
  private String dataDir = "./croupier-data";
  private String jwtSecret;
  private String jwtSecretFile;
  private String jwtPreviousSecrets;
  private String jwtPreviousSecretsFile;
  private String tokenTtl;
  private String refreshTokenTtl;
  private String auditRetention;
  private int bcryptCost = DEFAULT_BCRYPT_COST;
  private String bcryptThreads;
  private String bcryptQueueCapacity;
  private Cache cache = new Cache();
  private String loginAccountFailures;
  private String loginAccountWindow;
  private String loginAddressFailures;
  private String loginAddressWindow;
  private String trustedProxies;
  private String defaultTier;
  private String moveSettle;
  private String recoveryDelay;
  private String tlsKeystore;
  private String tlsKeystorePassword;
  private String tlsKeystorePasswordFile;
  private String tlsCertificate;
  private String tlsPrivateKey;
  private String storeTimeout;
  private String shutdownGracePeriod;

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
    return path(jwtSecretFile);
  }

  /** Previous JWT secrets separated by commas, which still verify tokens signed with them. */
  public Optional<String> jwtPreviousSecrets() {
    return Optional.ofNullable(jwtPreviousSecrets).filter(secrets -> !secrets.isBlank());
  }

  /** File with one previous JWT secret per line. */
  public Optional<Path> jwtPreviousSecretsFile() {
    return path(jwtPreviousSecretsFile);
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  /**
   * Returns how many threads run bcrypt, by default the number of processors available to the JVM.
   *
   * @throws IllegalArgumentException naming the setting if the value is not a whole number from 1
   */
  public int bcryptThreads() {
    return isBlank(bcryptThreads)
        ? BoundedPasswordHasher.defaultThreads()
        : SettingValues.count(BCRYPT_THREADS, bcryptThreads);
  }

  /**
   * Returns how many bcrypt tasks may wait for a thread, by default four per thread. Zero means
   * that none waits.
   *
   * @throws IllegalArgumentException naming the setting if the value is not a whole number from 0
   */
  public int bcryptQueueCapacity() {
    return isBlank(bcryptQueueCapacity)
        ? BoundedPasswordHasher.defaultQueueCapacity(bcryptThreads())
        : SettingValues.countFromZero(BCRYPT_QUEUE_CAPACITY, bcryptQueueCapacity);
  }

  /**
   * Returns how long organizations and admins are cached for token authentication, default 2
   * seconds. A bare number is seconds, and zero turns the cache off.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration cacheTtl() {
    return isBlank(cache.ttl)
        ? CroupierLibrary.DEFAULT_CACHE_TTL
        : SettingValues.durationFromZero(CACHE_TTL, cache.ttl, ChronoUnit.SECONDS);
  }

  /**
   * Returns the access-token lifetime. A bare number is minutes; a number with {@code s}, {@code m}
   * or {@code h}, or an ISO-8601 duration such as {@code PT2H}, is taken as written.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration tokenTtl() {
    return isBlank(tokenTtl) ? DEFAULT_TOKEN_TTL : parseTtl(tokenTtl);
  }

  static Duration parseTtl(String raw) {
    return SettingValues.duration(TOKEN_TTL, raw, ChronoUnit.MINUTES, false);
  }

  /**
   * Returns how long a session lasts from login, default 14 days. A bare number is days.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration refreshTokenTtl() {
    return isBlank(refreshTokenTtl)
        ? DEFAULT_REFRESH_TOKEN_TTL
        : SettingValues.duration(REFRESH_TOKEN_TTL, refreshTokenTtl, ChronoUnit.DAYS, true);
  }

  /**
   * Returns how long audit events are kept, default 365 days. A bare number is days.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration auditRetention() {
    return isBlank(auditRetention)
        ? DEFAULT_AUDIT_RETENTION
        : SettingValues.duration(AUDIT_RETENTION, auditRetention, ChronoUnit.DAYS, true);
  }

  /**
   * Returns the login limits; each setting left out keeps its default of {@link
   * LoginLimits#DEFAULT}. Bare numbers in the window settings are minutes.
   *
   * @throws IllegalArgumentException naming the setting if a value cannot be read
   */
  public LoginLimits loginLimits() {
    LoginLimits defaults = LoginLimits.DEFAULT;
    return new LoginLimits(
        isBlank(loginAccountFailures)
            ? defaults.accountFailures()
            : SettingValues.count(LOGIN_ACCOUNT_FAILURES, loginAccountFailures),
        isBlank(loginAccountWindow)
            ? defaults.accountWindow()
            : SettingValues.duration(
                LOGIN_ACCOUNT_WINDOW, loginAccountWindow, ChronoUnit.MINUTES, true),
        isBlank(loginAddressFailures)
            ? defaults.addressFailures()
            : SettingValues.count(LOGIN_ADDRESS_FAILURES, loginAddressFailures),
        isBlank(loginAddressWindow)
            ? defaults.addressWindow()
            : SettingValues.duration(
                LOGIN_ADDRESS_WINDOW, loginAddressWindow, ChronoUnit.MINUTES, true));
  }

  /**
   * Returns how long one store operation waits for a store that is down or does not reply, default
   * 5 seconds. It sets the MongoDB driver's server selection, connect, socket read and connection
   * pool timeouts. A bare number is seconds.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration storeTimeout() {
    return isBlank(storeTimeout) ? DEFAULT_STORE_TIMEOUT : parseStoreTimeout(storeTimeout);
  }

  static Duration parseStoreTimeout(String raw) {
    return SettingValues.duration(STORE_TIMEOUT, raw, ChronoUnit.SECONDS, false);
  }

  /**
   * Returns how long a stopping server waits for requests in flight before it closes their
   * connections, default 20 seconds. A bare number is seconds.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration shutdownGracePeriod() {
    return isBlank(shutdownGracePeriod)
        ? DEFAULT_SHUTDOWN_GRACE_PERIOD
        : parseShutdownGracePeriod(shutdownGracePeriod);
  }

  static Duration parseShutdownGracePeriod(String raw) {
    return SettingValues.duration(SHUTDOWN_GRACE_PERIOD, raw, ChronoUnit.SECONDS, false);
  }

  /**
   * Returns the reverse proxies whose {@code X-Forwarded-For} header is believed; none by default.
   *
   * @throws IllegalArgumentException naming the setting if an entry is not an address or block
   */
  public TrustedProxies trustedProxies() {
    return TrustedProxies.parse(trustedProxies);
  }

  /**
   * Returns the tier of organizations created without one, default the collection tier.
   *
   * @throws IllegalArgumentException naming the setting if no tier has the name
   */
  public TenantTier defaultTier() {
    if (isBlank(defaultTier)) {
      return TenantTier.COLLECTION;
    }
    try {
      return TenantTier.of(defaultTier);
    } catch (InvalidField unknown) {
      throw new IllegalArgumentException(DEFAULT_TIER + ": " + unknown.getMessage());
    }
  }

  /**
   * Returns how long a move, or a rename in the collection tier, waits for document writes under
   * way once it refuses new ones, default 2 seconds. A bare number is seconds.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration moveSettle() {
    return isBlank(moveSettle)
        ? CroupierLibrary.DEFAULT_MOVE_SETTLE
        : SettingValues.duration(MOVE_SETTLE, moveSettle, ChronoUnit.SECONDS, false);
  }

  /**
   * Returns how old unfinished work must be before the recovery at start-up settles it. A bare
   * number is seconds, and 0 settles everything at once. The default is 0 on the embedded store,
   * which one process holds at a time, and 30 seconds on an external MongoDB, which several may
   * share.
   *
   * @throws IllegalArgumentException naming the setting if the value cannot be read
   */
  public Duration recoveryDelay() {
    if (isBlank(recoveryDelay)) {
      return mongodbUri().isEmpty() ? Duration.ZERO : CroupierLibrary.DEFAULT_RECOVERY_DELAY;
    }
    if (recoveryDelay.strip().matches("0+[smhSMH]?")) {
      return Duration.ZERO;
    }
    return SettingValues.duration(RECOVERY_DELAY, recoveryDelay, ChronoUnit.SECONDS, false);
  }

  /** Returns the TLS settings as given, not yet checked; see {@link ServerTls}. */
  public TlsSettings tls() {
    return new TlsSettings(
        path(tlsKeystore),
        Optional.ofNullable(tlsKeystorePassword).filter(password -> !password.isEmpty()),
        path(tlsKeystorePasswordFile),
        path(tlsCertificate),
        path(tlsPrivateKey));
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
    settings.setJwtPreviousSecrets(environment.get("CROUPIER_JWT_PREVIOUS_SECRETS"));
    settings.setJwtPreviousSecretsFile(environment.get("CROUPIER_JWT_PREVIOUS_SECRETS_FILE"));
    settings.setTokenTtl(environment.get(TOKEN_TTL));
    settings.setRefreshTokenTtl(environment.get(REFRESH_TOKEN_TTL));
    settings.setAuditRetention(environment.get(AUDIT_RETENTION));
    settings.setLoginAccountFailures(environment.get(LOGIN_ACCOUNT_FAILURES));
    settings.setLoginAccountWindow(environment.get(LOGIN_ACCOUNT_WINDOW));
    settings.setLoginAddressFailures(environment.get(LOGIN_ADDRESS_FAILURES));
    settings.setLoginAddressWindow(environment.get(LOGIN_ADDRESS_WINDOW));
    settings.setDefaultTier(environment.get(DEFAULT_TIER));
    settings.setMoveSettle(environment.get(MOVE_SETTLE));
    settings.setRecoveryDelay(environment.get(RECOVERY_DELAY));
    settings.setStoreTimeout(environment.get(STORE_TIMEOUT));
    settings.setBcryptThreads(environment.get(BCRYPT_THREADS));
    settings.setBcryptQueueCapacity(environment.get(BCRYPT_QUEUE_CAPACITY));
    settings.cache().setTtl(environment.get(CACHE_TTL));
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

  private static Optional<Path> path(String raw) {
    return Optional.ofNullable(raw).filter(value -> !value.isBlank()).map(Path::of);
  }

  private static boolean isBlank(String raw) {
    return raw == null || raw.isBlank();
  }

  public void setDefaultTier(@Nullable String defaultTier) {
    this.defaultTier = defaultTier;
  }

  public void setMoveSettle(@Nullable String moveSettle) {
    this.moveSettle = moveSettle;
  }

  public void setRecoveryDelay(@Nullable String recoveryDelay) {
    this.recoveryDelay = recoveryDelay;
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

  public void setJwtPreviousSecrets(@Nullable String jwtPreviousSecrets) {
    this.jwtPreviousSecrets = jwtPreviousSecrets;
  }

  public void setJwtPreviousSecretsFile(@Nullable String jwtPreviousSecretsFile) {
    this.jwtPreviousSecretsFile = jwtPreviousSecretsFile;
  }

  public void setTokenTtl(@Nullable String tokenTtl) {
    this.tokenTtl = tokenTtl;
  }

  public void setRefreshTokenTtl(@Nullable String refreshTokenTtl) {
    this.refreshTokenTtl = refreshTokenTtl;
  }

  public void setAuditRetention(@Nullable String auditRetention) {
    this.auditRetention = auditRetention;
  }

  public void setBcryptCost(int bcryptCost) {
    this.bcryptCost = bcryptCost;
  }

  public void setBcryptThreads(@Nullable String bcryptThreads) {
    this.bcryptThreads = bcryptThreads;
  }

  public void setBcryptQueueCapacity(@Nullable String bcryptQueueCapacity) {
    this.bcryptQueueCapacity = bcryptQueueCapacity;
  }

  /** Returns the settings under {@code croupier.cache}. */
  public Cache cache() {
    return cache;
  }

  public void setCache(Cache cache) {
    this.cache = cache;
  }

  public void setLoginAccountFailures(@Nullable String loginAccountFailures) {
    this.loginAccountFailures = loginAccountFailures;
  }

  public void setLoginAccountWindow(@Nullable String loginAccountWindow) {
    this.loginAccountWindow = loginAccountWindow;
  }

  public void setLoginAddressFailures(@Nullable String loginAddressFailures) {
    this.loginAddressFailures = loginAddressFailures;
  }

  public void setLoginAddressWindow(@Nullable String loginAddressWindow) {
    this.loginAddressWindow = loginAddressWindow;
  }

  public void setTrustedProxies(@Nullable String trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public void setTlsKeystore(@Nullable String tlsKeystore) {
    this.tlsKeystore = tlsKeystore;
  }

  public void setTlsKeystorePassword(@Nullable String tlsKeystorePassword) {
    this.tlsKeystorePassword = tlsKeystorePassword;
  }

  public void setTlsKeystorePasswordFile(@Nullable String tlsKeystorePasswordFile) {
    this.tlsKeystorePasswordFile = tlsKeystorePasswordFile;
  }

  public void setTlsCertificate(@Nullable String tlsCertificate) {
    this.tlsCertificate = tlsCertificate;
  }

  public void setTlsPrivateKey(@Nullable String tlsPrivateKey) {
    this.tlsPrivateKey = tlsPrivateKey;
  }

  public void setStoreTimeout(@Nullable String storeTimeout) {
    this.storeTimeout = storeTimeout;
  }

  public void setShutdownGracePeriod(@Nullable String shutdownGracePeriod) {
    this.shutdownGracePeriod = shutdownGracePeriod;
  }

  /** Settings under {@code croupier.cache}, such as {@code croupier.cache.ttl}. */
  @ConfigurationProperties("cache")
  public static final class Cache {

    private String ttl;

    public void setTtl(@Nullable String ttl) {
      this.ttl = ttl;
    }
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
