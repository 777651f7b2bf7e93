/** Incoming ports: one interface per use case, with the commands and results they exchange. */
package io.croupier.application.port.in;
