package io.croupier.adapter.in.http;

/**
 * Example bodies of the OpenAPI document, as JSON text. The values follow the rules the server
 * applies, so a request example sent as it is succeeds on an empty store.
 */
final class ApiExamples {

  static final String CREATE_REQUEST =
      """
      {"organization_name": "Acme", "email": "admin@acme.example", "password": "Sup3rSecret"}
      """;

  static final String CREATE_REQUEST_WITH_TIER =
      """
      {
        "organization_name": "Globex",
        "email": "admin@globex.example",
        "password": "Sup3rSecret",
        "tier": "database"
      }
      """;

  static final String UPDATE_NAME_REQUEST =
      """
      {"organization_name": "acme_corp"}
      """;

  static final String UPDATE_PASSWORD_REQUEST =
      """
      {"password": "N3wSecretPass"}
      """;

  static final String LOGIN_REQUEST =
      """
      {"email": "admin@acme.example", "password": "Sup3rSecret"}
      """;

  static final String ORGANIZATION_FOR_ADMIN =
      """
      {
        "id": "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17",
        "organization_name": "acme",
        "email": "admin@acme.example",
        "collection_name": "org_acme",
        "connection_details": "Collection: org_acme",
        "tier": "collection",
        "created_at": "2025-01-15T09:30:00.123Z",
        "updated_at": "2025-01-15T09:30:00.123Z"
      }
      """;

  static final String ORGANIZATION_FOR_ANYONE =
      """
      {
        "id": "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17",
        "organization_name": "acme",
        "collection_name": "org_acme",
        "connection_details": "Collection: org_acme",
        "tier": "collection",
        "created_at": "2025-01-15T09:30:00.123Z",
        "updated_at": "2025-01-15T09:30:00.123Z"
      }
      """;

  static final String TOKEN =
      """
      {
        "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.<claims>.<signature>",
        "token_type": "bearer",
        "expires_in": 3600,
        "refresh_token": "q3Vx0b8mZk2T9yLr5wNc1JdHfA7sGpEo4iUeKt6BvXa",
        "refresh_expires_in": 1209600,
        "admin_id": "5e0d2b8c-7a43-4c1f-b6e2-91f3a8d4c250",
        "organization_id": "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17",
        "organization_name": "acme"
      }
      """;

  static final String HEALTHY =
      """
      {"status": "healthy", "service": "croupier", "version": "0.1.0", "database": "connected"}
      """;

  static final String UNHEALTHY =
      """
      {"status": "unhealthy", "service": "croupier", "version": "0.1.0", "database": "disconnected"}
      """;

  static final String LIVE =
      """
      {"status": "UP"}
      """;

  static final String READY =
      """
      {"status": "UP", "database": "connected"}
      """;

  static final String NOT_READY =
      """
      {"status": "DOWN", "database": "disconnected"}
      """;

  static final String MALFORMED_BODY =
      """
      {
        "type": "urn:croupier:problem:malformed-body",
        "title": "Bad Request",
        "status": 400,
        "detail": "The request body is not valid JSON; check quotes, commas and braces",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String INVALID_TOKEN =
      """
      {
        "type": "urn:croupier:problem:invalid-token",
        "title": "Unauthorized",
        "status": 401,
        "detail": "The access token is missing, invalid, expired or revoked; log in again",
        "instance": "/org/update",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String AUTHENTICATION_FAILED =
      """
      {
        "type": "urn:croupier:problem:authentication-failed",
        "title": "Unauthorized",
        "status": 401,
        "detail": "Incorrect email or password",
        "instance": "/admin/login",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String FORBIDDEN =
      """
      {
        "type": "urn:croupier:problem:forbidden",
        "title": "Forbidden",
        "status": 403,
        "detail": "Your token belongs to another organization than 'globex'; an admin may act\
       only on their own organization",
        "instance": "/org/delete",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String ORGANIZATION_NOT_FOUND =
      """
      {
        "type": "urn:croupier:problem:organization-not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "Organization 'acme' not found",
        "instance": "/org/get",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String ORGANIZATION_GONE =
      """
      {
        "type": "urn:croupier:problem:organization-not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "Organization with id '0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17' not found; it may\
       have been deleted",
        "instance": "/org/delete",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String NAME_TAKEN =
      """
      {
        "type": "urn:croupier:problem:organization-exists",
        "title": "Conflict",
        "status": 409,
        "detail": "Organization 'acme' already exists; choose another name",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String EMAIL_TAKEN =
      """
      {
        "type": "urn:croupier:problem:email-exists",
        "title": "Conflict",
        "status": 409,
        "detail": "Email 'admin@acme.example' already exists; use another email address",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String BODY_TOO_LARGE =
      """
      {
        "type": "urn:croupier:problem:body-too-large",
        "title": "Content Too Large",
        "status": 413,
        "detail": "The request body is too large; send at most 16 KiB",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String UNSUPPORTED_MEDIA_TYPE =
      """
      {
        "type": "urn:croupier:problem:unsupported-media-type",
        "title": "Unsupported Media Type",
        "status": 415,
        "detail": "The request body must be JSON; send Content-Type: application/json",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String INVALID_FIELDS =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "The request has invalid fields; fix each one listed in errors",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {
            "field": "organization_name",
            "message": "Organization name 'a' has 1 characters; use 3 to 50"
          },
          {"field": "password", "message": "Password has 5 characters; use at least 8"}
        ]
      }
      """;

  static final String INVALID_QUERY =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Query parameter organization_name is missing; add ?organization_name=<name>",
        "instance": "/org/get",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {
            "field": "organization_name",
            "message": "Query parameter organization_name is missing; add\
       ?organization_name=<name>"
          }
        ]
      }
      """;

  static final String INVALID_NAME_QUERY =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Organization name 'a' has 1 characters; use 3 to 50",
        "instance": "/org/delete",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {"field": "organization_name", "message": "Organization name 'a' has 1 characters; use 3 to 50"}
        ]
      }
      """;

  static final String INVALID_LOGIN =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "The request has invalid fields; fix each one listed in errors",
        "instance": "/admin/login",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [{"field": "password", "message": "Password is missing; send the admin's password"}]
      }
      """;

  static final String STORE_UNAVAILABLE =
      """
      {
        "type": "urn:croupier:problem:store-unavailable",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The database is unavailable; retry in a few seconds",
        "instance": "/org/create",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String SERVER_BUSY =
      """
      {
        "type": "urn:croupier:problem:server-busy",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The server is busy checking other passwords; retry in 1 second",
        "instance": "/admin/login",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String REFRESH_REQUEST =
      """
      {"refresh_token": "q3Vx0b8mZk2T9yLr5wNc1JdHfA7sGpEo4iUeKt6BvXa"}
      """;

  static final String INVALID_REFRESH_TOKEN =
      """
      {
        "type": "urn:croupier:problem:invalid-token",
        "title": "Unauthorized",
        "status": 401,
        "detail": "The refresh token is missing, invalid, expired or revoked; log in again",
        "instance": "/admin/refresh",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String LOCKED_OUT =
      """
      {
        "type": "urn:croupier:problem:too-many-failed-logins",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "Too many failed logins; try again in 840 seconds",
        "instance": "/admin/login",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String AUDIT_PAGE =
      """
      {
        "events": [
          {
            "id": "9f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
            "time": "2026-01-15T09:31:00.000Z",
            "organization_id": "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17",
            "organization_name": "acme",
            "actor": "5e0d2b8c-7a43-4c1f-b6e2-91f3a8d4c250",
            "action": "organization_updated",
            "outcome": "success",
            "client_address": "203.0.113.7",
            "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
            "changed_fields": ["organization_name", "password"]
          }
        ],
        "next_cursor": "MTczNjkzMzQ2MDAwMDo5ZjFjMmQzZQ"
      }
      """;

  static final String INVALID_AUDIT_QUERY =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Limit '0' is out of range; use 1 to 200",
        "instance": "/org/audit",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [{"field": "limit", "message": "Limit '0' is out of range; use 1 to 200"}]
      }
      """;

  static final String DOCUMENT_REQUEST =
      """
      {"title": "Q3 report", "pages": 12, "price": 1234.50, "tags": ["finance"], "draft": false}
      """;

  static final String DOCUMENT =
      """
      {
        "id": "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30",
        "created_at": "2026-01-15T09:30:00.123Z",
        "updated_at": "2026-01-15T09:30:00.123Z",
        "document": {
          "title": "Q3 report",
          "pages": 12,
          "price": 1234.50,
          "tags": ["finance"],
          "draft": false
        }
      }
      """;

  static final String DOCUMENT_PAGE =
      """
      {
        "documents": [
          {
            "id": "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30",
            "created_at": "2026-01-15T09:30:00.123Z",
            "updated_at": "2026-01-15T09:30:00.123Z",
            "document": {"title": "Q3 report", "pages": 12}
          }
        ],
        "next_cursor": "MTc2ODQ2OTQwMDEyMzozZjJhOWM0ZS04YjFkLTRlN2EtOWMwMi02ZDViMWU4ZjdhMzA"
      }
      """;

  static final String DOCUMENT_NOT_FOUND =
      """
      {
        "type": "urn:croupier:problem:document-not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "Document '3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30' not found in this organization",
        "instance": "/org/documents/3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String DOCUMENT_TOO_LARGE =
      """
      {
        "type": "urn:croupier:problem:body-too-large",
        "title": "Content Too Large",
        "status": 413,
        "detail": "The document takes 70144 bytes as compact JSON, over the limit of 65536 bytes\
       (64 KiB); split it into smaller documents",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String DOCUMENT_REQUEST_TOO_LARGE =
      """
      {
        "type": "urn:croupier:problem:body-too-large",
        "title": "Content Too Large",
        "status": 413,
        "detail": "The request body is too large; send at most 80 KiB, with a document of at most\
       64 KiB as compact JSON",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String INVALID_DOCUMENT =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Field name at 'filter.$where' starts with '$'; rename the field",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {"field": "document", "message": "Field name at 'filter.$where' starts with '$'; rename the field"}
        ]
      }
      """;

  static final String DOCUMENT_NOT_OBJECT =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "The request has invalid fields; fix each one listed in errors",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {
            "field": "document",
            "message": "The document must be a JSON object, not an array; send its fields in\
       braces, such as {\\"title\\": \\"Q3 report\\"}"
          }
        ]
      }
      """;

  static final String INVALID_DOCUMENT_QUERY =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Limit 1001 is out of range; use 1 to 1000",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [{"field": "limit", "message": "Limit 1001 is out of range; use 1 to 1000"}]
      }
      """;

  static final String INVALID_CURSOR =
      """
      {
        "type": "urn:croupier:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "The cursor is invalid; pass the next cursor of the previous page unchanged, or\
       none for the first page",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
        "errors": [
          {
            "field": "after",
            "message": "The cursor is invalid; pass the next cursor of the previous page\
       unchanged, or none for the first page"
          }
        ]
      }
      """;

  static final String TENANT_SWITCHING =
      """
      {
        "type": "urn:croupier:problem:tenant-switching",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "Organization 'acme' is switching to another storage tier; retry the write in 2\
       seconds",
        "instance": "/org/documents",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  static final String ORGANIZATION_MOVING =
      """
      {
        "type": "urn:croupier:problem:organization-moving",
        "title": "Conflict",
        "status": 409,
        "detail": "Organization 'acme' is moving from tier collection to tier database; retry\
       once the move has finished",
        "instance": "/org/update",
        "request_id": "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"
      }
      """;

  private ApiExamples() {}
}
