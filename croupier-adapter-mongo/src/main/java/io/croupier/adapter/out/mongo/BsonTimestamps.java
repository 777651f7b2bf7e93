package io.croupier.adapter.out.mongo;

import java.time.Instant;
import java.util.Date;

/**
 * Conversion between {@link Instant} and BSON dates. A BSON date has millisecond precision, so
 * storing drops every digit below the millisecond, rounding towards the past.
 */
final class BsonTimestamps {

  private BsonTimestamps() {}

  static Date toBson(Instant instant) {
    return new Date(instant.toEpochMilli());
  }

  static Instant fromBson(Date date) {
    return Instant.ofEpochMilli(date.getTime());
  }
}
