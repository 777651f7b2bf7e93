package io.croupier.bootstrap;

import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.security.SigningKeySource;
import io.croupier.library.CroupierLibrary;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the {@link CroupierLibrary} from the settings, the same way for the server and the command
 * line, so that both apply the same token lifetimes, login limits, audit retention and keys.
 */
final class LibraryWiring {

  private LibraryWiring() {}

  /** Returns the clock of both entry points: UTC in milliseconds, the precision MongoDB stores. */
  static Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  /**
   * Returns a builder with every setting but the signing keys.
   *
   * @throws IllegalArgumentException naming the setting if a value is invalid
   */
  static CroupierLibrary.Builder withoutKeys(
      MongoConnection connection, CroupierSettings settings, Clock clock) {
    return CroupierLibrary.builder(connection.client(), connection.database())
        .bcryptCost(settings.bcryptCost())
        .tokenLifetime(settings.tokenTtl())
        .refreshTokenLifetime(settings.refreshTokenTtl())
        .auditRetention(settings.auditRetention())
        .loginLimits(settings.loginLimits())
        .defaultTier(settings.defaultTier())
        .moveSettle(settings.moveSettle())
        .clock(clock);
  }

  /**
   * Returns a builder with every setting, including the current signing key and the previous ones.
   * Without a configured secret, the embedded store uses the one generated in its data folder.
   *
   * @throws io.croupier.adapter.out.security.InvalidSigningKeyConfiguration if the secret settings
   *     are missing, conflicting, too short or name an unreadable file
   * @throws IllegalArgumentException naming the setting if another value is invalid
   */
  static CroupierLibrary.Builder withKeys(
      MongoConnection connection, CroupierSettings settings, Clock clock) {
    return withoutKeys(connection, settings, clock)
        .signingKey(
            SigningKeySource.resolve(
                settings.jwtSecret(),
                settings.jwtSecretFile(),
                settings.mongodbUri().isEmpty(),
                settings.dataDir()))
        .previousSigningKeys(
            SigningKeySource.resolvePrevious(
                settings.jwtPreviousSecrets(), settings.jwtPreviousSecretsFile()));
  }
}
