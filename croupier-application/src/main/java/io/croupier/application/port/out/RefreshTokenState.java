package io.croupier.application.port.out;

/** Lifecycle of a stored refresh token. */
public enum RefreshTokenState {
  /** The newest token of its session; it can be exchanged once. */
  ACTIVE,
  /** Exchanged for its successor; presenting it again means it was copied. */
  ROTATED,
  /** Ended by a logout or by the detected reuse of a token of its session. */
  REVOKED
}
