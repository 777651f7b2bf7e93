/** Outgoing ports: what the use cases need from storage, hashing and token technology. */
package io.croupier.application.port.out;
