/** Services that implement the use cases on top of the outgoing ports. */
package io.croupier.application.service;
