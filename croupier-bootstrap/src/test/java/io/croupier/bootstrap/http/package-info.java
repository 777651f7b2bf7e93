/**
 * HTTP tests of the running server: each class starts Croupier on the embedded store, sends raw
 * requests with {@link java.net.http.HttpClient} and reads the master database directly.
 */
package io.croupier.bootstrap.http;
