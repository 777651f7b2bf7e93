package io.croupier.adapter.in.http;

import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.DocumentsUseCase;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.InvalidField;
import io.croupier.domain.TenantDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;

/**
 * Document endpoints under {@code /org/documents}: the documents of the organization that the
 * bearer token names, and only those. An id of another organization's document is not found.
 */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class DocumentsController implements DocumentsApi {

  static final String LIMIT = ListDocumentsQuery.LIMIT_FIELD;
  static final String AFTER = ListDocumentsQuery.AFTER_FIELD;

  /** Longest malformed id that a not-found message repeats in full. */
  private static final int MAX_SHOWN_ID = TenantDocument.MAX_ID_LENGTH;

  private final DocumentsUseCase documents;
  private final AuthenticateTokenUseCase authenticateToken;
  private final DocumentBodyReader bodies;

  public DocumentsController(
      DocumentsUseCase documents,
      AuthenticateTokenUseCase authenticateToken,
      DocumentBodyReader bodies) {
    this.documents = documents;
    this.authenticateToken = authenticateToken;
    this.bodies = bodies;
  }

  @Override
  @Post(uri = "/documents", consumes = MediaType.APPLICATION_JSON)
  @Status(HttpStatus.CREATED)
  public HttpResponse<DocumentResponse> create(
      HttpRequest<?> request, @Nullable @Body byte[] body) {
    AuthenticatedAdmin caller = authenticate(request);
    DocumentBody document = bodies.read(request, body);

    TenantDocument created = documents.create(caller, document);
    URI location = URI.create(BodyLimits.DOCUMENTS_PATH + "/" + created.id());
    return HttpResponse.created(DocumentResponse.from(created), location);
  }

  /**
   * Returns one page. Without {@code limit} a page has {@value ListDocumentsQuery#DEFAULT_LIMIT}
   * documents; without {@code after} it is the first page.
   */
  @Override
  @Get("/documents")
  public DocumentPageResponse list(
      HttpRequest<?> request,
      @Nullable @QueryValue(LIMIT) String limit,
      @Nullable @QueryValue(AFTER) String after) {
    AuthenticatedAdmin caller = authenticate(request);
    var query = new ListDocumentsQuery(parseLimit(limit), Optional.ofNullable(after));

    return DocumentPageResponse.from(documents.list(caller, query));
  }

  @Override
  @Get("/documents/{id}")
  public DocumentResponse get(HttpRequest<?> request, @PathVariable("id") String id) {
    AuthenticatedAdmin caller = authenticate(request);

    return DocumentResponse.from(documents.get(caller, documentId(id)));
  }

  @Override
  @Put(uri = "/documents/{id}", consumes = MediaType.APPLICATION_JSON)
  public DocumentResponse replace(
      HttpRequest<?> request, @PathVariable("id") String id, @Nullable @Body byte[] body) {
    AuthenticatedAdmin caller = authenticate(request);
    String documentId = documentId(id);
    DocumentBody document = bodies.read(request, body);

    return DocumentResponse.from(documents.replace(caller, documentId, document));
  }

  @Override
  @Delete("/documents/{id}")
  @Status(HttpStatus.NO_CONTENT)
  public void delete(HttpRequest<?> request, @PathVariable("id") String id) {
    AuthenticatedAdmin caller = authenticate(request);

    documents.delete(caller, documentId(id));
  }

  private AuthenticatedAdmin authenticate(HttpRequest<?> request) {
    return authenticateToken.authenticate(BearerTokens.required(request));
  }

  private static int parseLimit(String raw) {
    if (raw == null) {
      return ListDocumentsQuery.DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException notANumber) {
      throw new InvalidField(
          LIMIT,
          "Limit '"
              + raw
              + "' is invalid; use a whole number from 1 to "
              + ListDocumentsQuery.MAX_LIMIT);
    }
  }

  /**
   * Returns the id if it is well-formed. A malformed id names no document, so it is reported as not
   * found, the same as an id of another organization's document.
   */
  private static String documentId(String raw) {
    try {
      return TenantDocument.checkId(raw);
    } catch (InvalidField malformed) {
      throw new DocumentNotFound(printable(raw));
    }
  }

  /**
   * Returns the id with every character outside ASCII letters, digits, '-' and '_' replaced by '?'
   * and cut after {@value #MAX_SHOWN_ID} characters, so a message or log line shows no control
   * characters.
   */
  private static String printable(String raw) {
    StringBuilder printableId = new StringBuilder();
    for (int index = 0; index < Math.min(raw.length(), MAX_SHOWN_ID); index++) {
      char c = raw.charAt(index);
      boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
      printableId.append(plain ? c : '?');
    }
    return raw.length() > MAX_SHOWN_ID ? printableId + "..." : printableId.toString();
  }
}
