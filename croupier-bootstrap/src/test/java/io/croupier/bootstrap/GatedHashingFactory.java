package io.croupier.bootstrap;

import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.security.BcryptPasswordHasher;
import io.croupier.bootstrap.http.GatedPasswordHasher;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Replaces the server's library with one whose bounded hashing pool runs a {@link
 * GatedPasswordHasher} over bcrypt at cost 4, when the property {@value #PROPERTY} is true.
 */
@Factory
@Requires(property = GatedHashingFactory.PROPERTY, value = "true")
final class GatedHashingFactory {

  /** Property that turns the gated hasher on. */
  public static final String PROPERTY = "croupier-test.gated-hashing";

  @Singleton
  GatedPasswordHasher gatedPasswordHasher() {
    return new GatedPasswordHasher(new BcryptPasswordHasher(4));
  }

  @Context
  @Replaces(bean = CroupierLibrary.class, factory = CroupierFactory.class)
  CroupierLibrary croupierLibrary(
      CroupierSettings settings,
      MongoConnection connection,
      Clock clock,
      GatedPasswordHasher gate) {
    return LibraryWiring.withKeys(connection, settings, clock).passwordHasher(gate).build();
  }
}
