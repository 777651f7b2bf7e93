/**
 * MongoDB adapters of the outgoing ports: organization and admin repositories, tenant storage in
 * three tiers (a shared collection, an {@code org_<name>} collection per organization, or a
 * database per organization), the start-up schema step, and the embedded store that serves the same
 * wire protocol from an H2 file when no MongoDB is configured.
 */
package io.croupier.adapter.out.mongo;
