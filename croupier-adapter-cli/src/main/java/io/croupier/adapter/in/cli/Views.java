package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field names and values of what the commands print, in the snake_case shapes of the HTTP API, so
 * that scripts read the same fields from both.
 */
final class Views {

  private Views() {}

  /** Returns the organization's fields; {@code email} only when the details carry it. */
  static Map<String, Object> organization(OrganizationDetails details) {
    Organization organization = details.organization();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", organization.id());
    fields.put("organization_name", organization.name().value());
    details.adminEmail().map(EmailAddress::value).ifPresent(email -> fields.put("email", email));
    fields.put("tier", organization.tier().value());
    fields.put("collection_name", details.location().collectionName());
    fields.put("connection_details", details.location().connectionDetails());
    fields.put("created_at", utc(organization.createdAt()));
    fields.put("updated_at", utc(organization.updatedAt()));
    return fields;
  }

  /** Returns the page's organizations, its total and its cursor, null on the last page. */
  static Map<String, Object> page(OrganizationPage page) {
    List<Object> organizations = new ArrayList<>();
    page.organizations().forEach(details -> organizations.add(organization(details)));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("organizations", organizations);
    fields.put("total", page.total());
    fields.put("next_cursor", page.nextCursor().orElse(null));
    return fields;
  }

  /** Returns the token's fields; {@code expires_in} is in seconds. */
  static Map<String, Object> token(LoginResult login) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("access_token", login.accessToken());
    fields.put("token_type", "bearer");
    fields.put("expires_in", login.expiresIn().toSeconds());
    fields.put("admin_id", login.adminId());
    fields.put("organization_id", login.organizationId());
    fields.put("organization_name", login.organizationName().value());
    return fields;
  }

  /** Returns the event's fields; the organization, address and request id may be null. */
  static Map<String, Object> auditEvent(AuditEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", event.id());
    fields.put("time", utc(event.time()));
    fields.put("organization_id", event.organizationId());
    fields.put("organization_name", event.organizationName());
    fields.put("actor", event.actor());
    fields.put("action", event.action().code());
    fields.put("outcome", event.outcome().code());
    fields.put("client_address", event.clientAddress());
    fields.put("request_id", event.requestId());
    fields.put("changed_fields", List.copyOf(event.changedFields()));
    return fields;
  }

  /** Returns the page's events and its cursor, null on the last page. */
  static Map<String, Object> auditPage(AuditEventPage page) {
    List<Object> events = new ArrayList<>();
    page.events().forEach(event -> events.add(auditEvent(event)));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("events", events);
    fields.put("next_cursor", page.nextCursor().orElse(null));
    return fields;
  }

  static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
