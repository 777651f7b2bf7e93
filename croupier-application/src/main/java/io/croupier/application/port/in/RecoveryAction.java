package io.croupier.application.port.in;

/** Step that a recovery takes to settle the unfinished work of one organization. */
public enum RecoveryAction {
  /** Removes an organization whose create did not finish, with its admin and storage. */
  CREATE_ROLLED_BACK,
  /** Removes what is left of an organization whose delete did not finish. */
  DELETE_FINISHED,
  /** Moves the storage of a renamed organization to its new name, where the tier needs that. */
  RENAME_FINISHED,
  /** Drops the copy in the target tier of a move that had not switched. */
  MOVE_ROLLED_BACK,
  /** Drops the copy in the source tier of a move that had switched. */
  MOVE_FINISHED
}
