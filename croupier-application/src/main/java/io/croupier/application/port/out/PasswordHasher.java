package io.croupier.application.port.out;

import io.croupier.domain.Password;

/** One-way password hashing with a deliberately slow function. */
public interface PasswordHasher {

  /**
   * Returns a salted hash of the password, never null.
   *
   * @throws PasswordHashingBusy if the hasher is at capacity, in which case it did no work
   */
  String hash(Password password);

  /**
   * Returns whether the password matches the hash. Costs the same work whether it matches or not,
   * and returns false for a password the hash function cannot take, such as one over its byte
   * limit.
   *
   * @throws PasswordHashingBusy if the hasher is at capacity, in which case it did no work
   */
  boolean matches(Password candidate, String hash);

  /**
   * Throws {@link PasswordHashingBusy} if a hash or a verification started now would be rejected,
   * so that a caller can reject a request before it does any other work. A call that passes this
   * check can still be rejected if other calls take the last free place first. The default does
   * nothing, for hashers without a limit.
   */
  default void checkCapacity() {}

  /**
   * Returns whether a hash that just matched should be replaced by a new hash of the same password,
   * for example because it was made at another cost than the configured one. A hasher that cannot
   * tell returns false.
   */
  default boolean needsRehash(String hash) {
    return false;
  }
}
