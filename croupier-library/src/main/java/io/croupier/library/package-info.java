/**
 * Croupier as a library: {@link io.croupier.library.CroupierLibrary} wires the use cases on an
 * application's own MongoDB database, with bcrypt hashing and JWT tokens, and no framework.
 */
package io.croupier.library;
