/**
 * JMH benchmarks of the security adapter: bcrypt hashing and verification, and issuing and
 * verifying access tokens. Run them with {@code bench/jmh.sh}.
 */
package io.croupier.benchmarks;
