/** Croupier's use cases and the ports through which they reach storage, hashing and tokens. */
package io.croupier.application;
