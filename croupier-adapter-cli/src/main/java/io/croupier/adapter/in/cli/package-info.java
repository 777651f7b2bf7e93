/**
 * The {@code croupier} command line: picocli commands that run the use cases for an operator who
 * has access to the store, with text or JSON output and documented exit codes.
 */
package io.croupier.adapter.in.cli;
