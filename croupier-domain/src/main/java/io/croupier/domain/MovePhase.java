package io.croupier.domain;

/** Step of a move of an organization's data from one tier to another. */
public enum MovePhase {

  /** Documents are copied to the target tier; the source tier serves reads and writes. */
  COPYING,

  /** Writes are refused while the last changes are copied and both copies are compared. */
  SWITCHING,

  /** The target tier serves the organization; the copy left in the source tier is dropped. */
  CLEANING
}
