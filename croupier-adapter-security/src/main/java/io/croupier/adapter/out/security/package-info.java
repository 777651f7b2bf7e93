/**
 * Security adapter: bcrypt password hashing, HS256 JWT access tokens and the signing key they use.
 */
package io.croupier.adapter.out.security;
