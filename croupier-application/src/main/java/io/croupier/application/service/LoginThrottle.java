package io.croupier.application.service;

import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.LoginLockedOut;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Brute-force limits of login, counted in a shared {@link LoginFailureLog} under two keys: the
 * account (the normalized email, known or not) and the client address. Each attempt records itself
 * as a failure before the password is checked and only then counts, so that concurrent attempts on
 * any number of instances cannot together run more password checks than the limit allows. A
 * successful attempt removes its records again and clears the account's failures.
 */
final class LoginThrottle {

  private static final String ACCOUNT_PREFIX = "account:";
  private static final String ADDRESS_PREFIX = "address:";

  private final LoginFailureLog log;
  private final LoginLimits limits;

  LoginThrottle(LoginFailureLog log, LoginLimits limits) {
    this.log = Objects.requireNonNull(log, "log");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Returns the key of the account that a login email names: the email trimmed and lower-cased, cut
   * to the length of the longest valid address, so that no input makes an oversized key.
   */
  static String accountKey(String email) {
    return ACCOUNT_PREFIX + loginName(email);
  }

  /** Returns the email as trimmed and lower-cased, cut to the longest valid length; never null. */
  static String loginName(String email) {
    String normalized = Objects.requireNonNullElse(EmailAddress.normalize(email), "");
    return normalized.length() <= EmailAddress.MAX_LENGTH
        ? normalized
        : normalized.substring(0, EmailAddress.MAX_LENGTH);
  }

  /**
   * Starts an attempt: rejects it if a limit is reached, else records it under each key.
   *
   * @param clientAddress the client's address, or null or blank when unknown, which skips the
   *     address limit
   * @throws LoginLockedOut if the account or the address has reached its limit of failures
   */
  Attempt begin(String email, String clientAddress, Instant now) {
    List<Counter> counters = new ArrayList<>();
    counters.add(new Counter(accountKey(email), limits.accountFailures(), limits.accountWindow()));
    if (clientAddress != null && !clientAddress.isBlank()) {
      counters.add(
          new Counter(
              ADDRESS_PREFIX + clientAddress, limits.addressFailures(), limits.addressWindow()));
    }

    // A cheap check first, so that attempts on a locked key write nothing.
    Optional<Duration> locked = retryAfter(counters, now);
    if (locked.isPresent()) {
      throw new LoginLockedOut(locked.get());
    }

    List<Entry> entries = new ArrayList<>();
    for (Counter counter : counters) {
      String id = log.record(counter.key(), now, now.plus(counter.window()));
      entries.add(new Entry(counter, id, count(counter, now)));
    }
    if (entries.stream().anyMatch(entry -> entry.count() > entry.counter().limit())) {
      entries.forEach(entry -> log.remove(entry.counter().key(), entry.id()));
      // Concurrent attempts passed the first check together, and those counted past the limit
      // withdraw. If the other attempts have left the window meanwhile, one second is the wait.
      throw new LoginLockedOut(retryAfter(counters, now).orElse(Duration.ofSeconds(1)));
    }
    return new Attempt(entries);
  }

  /** Ends a successful attempt: clears the account's failures and removes its address record. */
  void succeeded(Attempt attempt) {
    for (Entry entry : attempt.entries()) {
      if (entry.counter().key().startsWith(ACCOUNT_PREFIX)) {
        log.clear(entry.counter().key());
      } else {
        log.remove(entry.counter().key(), entry.id());
      }
    }
  }

  /**
   * Ends an attempt that was never decided, such as one rejected because password hashing was at
   * capacity. Removes its records, so that it counts as no failure.
   */
  void withdraw(Attempt attempt) {
    for (Entry entry : attempt.entries()) {
      log.remove(entry.counter().key(), entry.id());
    }
  }

  /**
   * Ends a failed attempt, whose records stay as its failures, and returns the kind of every limit
   * that this failure reached: {@code account}, {@code client_address}, both or none.
   */
  List<String> failed(Attempt attempt) {
    List<String> reached = new ArrayList<>();
    for (Entry entry : attempt.entries()) {
      if (entry.count() == entry.counter().limit()) {
        reached.add(
            entry.counter().key().startsWith(ACCOUNT_PREFIX) ? "account" : "client_address");
      }
    }
    return reached;
  }

  private int count(Counter counter, Instant now) {
    return log.recent(counter.key(), now.minus(counter.window()), counter.limit() + 1).size();
  }

  /**
   * Returns how long until every locked key drops below its limit, or empty if none is locked. A
   * failure counts while it is younger than the window, so a key with {@code limit} failures
   * unlocks when the oldest of its newest {@code limit} failures leaves the window.
   */
  private Optional<Duration> retryAfter(List<Counter> counters, Instant now) {
    Optional<Duration> longest = Optional.empty();
    for (Counter counter : counters) {
      List<LoginFailure> recent =
          log.recent(counter.key(), now.minus(counter.window()), counter.limit());
      if (recent.size() >= counter.limit()) {
        Instant oldest = recent.get(counter.limit() - 1).time();
        Duration wait = Duration.between(now, oldest.plus(counter.window()));
        if (longest.isEmpty() || wait.compareTo(longest.get()) > 0) {
          longest = Optional.of(wait);
        }
      }
    }
    return longest.filter(wait -> !wait.isZero() && !wait.isNegative());
  }

  /** The failures of one key that count, at most {@code limit} within {@code window}. */
  private record Counter(String key, int limit, Duration window) {}

  /** One record of an attempt and the number of failures of its key, itself included. */
  private record Entry(Counter counter, String id, int count) {}

  /** The records an attempt made, one per key. */
  record Attempt(List<Entry> entries) {}
}
