/** Organizations, their admins and the value objects that validate them; plain Java only. */
package io.croupier.domain;
