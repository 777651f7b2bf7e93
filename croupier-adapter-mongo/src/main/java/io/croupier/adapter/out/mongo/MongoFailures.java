package io.croupier.adapter.out.mongo;

import com.mongodb.DuplicateKeyException;
import com.mongodb.MongoException;
import io.croupier.application.port.out.StoreUnavailable;

/** Classifies driver exceptions into the domain conflict or the port's outage exception. */
final class MongoFailures {

  private static final int DUPLICATE_KEY = 11000;
  private static final int DUPLICATE_KEY_ON_UPDATE = 11001;

  private MongoFailures() {}

  /** Returns whether the failure is a write rejected by a unique index. */
  static boolean isDuplicateKey(MongoException failure) {
    if (failure instanceof DuplicateKeyException) {
      return true;
    }
    // MongoWriteException and MongoCommandException both report the server's error code here.
    int code = failure.getCode();
    return code == DUPLICATE_KEY || code == DUPLICATE_KEY_ON_UPDATE;
  }

  /**
   * Returns the outage exception for a failed action such as "Reading organization 'acme'". The
   * message leaves out the driver's text, which can name hosts; the cause keeps it for the log.
   */
  static StoreUnavailable unavailable(String action, MongoException failure) {
    return new StoreUnavailable(
        action
            + " failed because MongoDB is unreachable or returned an error."
            + " Check that the database is running, then retry.",
        failure);
  }
}
