/** Configuration, wiring and the {@code croupier} executable. */
package io.croupier.bootstrap;
