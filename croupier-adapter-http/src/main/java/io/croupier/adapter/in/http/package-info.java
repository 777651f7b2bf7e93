/**
 * Micronaut HTTP adapter: controllers, JSON request and response classes, request ids and the
 * mapping of every error to an {@code application/problem+json} body.
 */
package io.croupier.adapter.in.http;
