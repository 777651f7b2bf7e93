package io.croupier.adapter.in.http;

import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantTier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Organization endpoints under {@code /org}. */
@Controller("/org")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OrganizationController implements OrganizationApi {

  private final CreateOrganizationUseCase createOrganization;
  private final GetOrganizationUseCase getOrganization;
  private final UpdateOrganizationUseCase updateOrganization;
  private final DeleteOrganizationUseCase deleteOrganization;
  private final AuthenticateTokenUseCase authenticateToken;
  private final JsonBodyReader bodies;
  private final RequestOrigins origins;

  public OrganizationController(
      CreateOrganizationUseCase createOrganization,
      GetOrganizationUseCase getOrganization,
      UpdateOrganizationUseCase updateOrganization,
      DeleteOrganizationUseCase deleteOrganization,
      AuthenticateTokenUseCase authenticateToken,
      JsonBodyReader bodies,
      RequestOrigins origins) {
    this.createOrganization = createOrganization;
    this.getOrganization = getOrganization;
    this.updateOrganization = updateOrganization;
    this.deleteOrganization = deleteOrganization;
    this.authenticateToken = authenticateToken;
    this.bodies = bodies;
    this.origins = origins;
  }

  @Override
  @Post(uri = "/create", consumes = MediaType.APPLICATION_JSON)
  @Status(HttpStatus.CREATED)
  public OrganizationResponse create(HttpRequest<?> request, @Nullable @Body byte[] body) {
    CreateOrganizationRequest create = bodies.read(request, body, CreateOrganizationRequest.class);
    FieldCheck check = new FieldCheck();
    OrganizationName name = check.value(create.organizationName(), OrganizationName::of);
    EmailAddress email = check.value(create.email(), EmailAddress::of);
    Password password = check.value(create.password(), Password::of);
    Optional<TenantTier> tier = check.optional(create.tier(), TenantTier::of);
    check.throwIfInvalid();

    var command = new CreateOrganizationCommand(name, email, password, tier);
    return OrganizationResponse.from(createOrganization.create(command, origins.of(request)));
  }

  @Override
  @Get("/get")
  public OrganizationResponse get(
      HttpRequest<?> request, @Nullable @QueryValue("organization_name") String organizationName) {
    OrganizationName name = requiredName(organizationName);
    Optional<AuthenticatedAdmin> caller =
        BearerTokens.of(request).map(authenticateToken::authenticate);

    return OrganizationResponse.from(getOrganization.get(name, caller));
  }

  @Override
  @Put(uri = "/update", consumes = MediaType.APPLICATION_JSON)
  public OrganizationResponse update(HttpRequest<?> request, @Nullable @Body byte[] body) {
    AuthenticatedAdmin caller = authenticateToken.authenticate(BearerTokens.required(request));
    UpdateOrganizationRequest update = bodies.read(request, body, UpdateOrganizationRequest.class);
    FieldCheck check = new FieldCheck();
    Optional<OrganizationName> name =
        check.optional(update.organizationName(), OrganizationName::of);
    Optional<EmailAddress> email = check.optional(update.email(), EmailAddress::of);
    Optional<Password> password = check.optional(update.password(), Password::of);
    check.throwIfInvalid();

    var command = new UpdateOrganizationCommand(caller, name, email, password);
    return OrganizationResponse.from(updateOrganization.update(command, origins.of(request)));
  }

  @Override
  @Delete("/delete")
  @Status(HttpStatus.NO_CONTENT)
  public void delete(
      HttpRequest<?> request, @Nullable @QueryValue("organization_name") String organizationName) {
    AuthenticatedAdmin caller = authenticateToken.authenticate(BearerTokens.required(request));
    Optional<OrganizationName> confirmName =
        organizationName == null ? Optional.empty() : Optional.of(requiredName(organizationName));

    deleteOrganization.delete(caller, confirmName, origins.of(request));
  }

  private static OrganizationName requiredName(String raw) {
    if (raw == null) {
      throw new InvalidField(
          OrganizationName.FIELD,
          "Query parameter organization_name is missing; add ?organization_name=<name>");
    }
    return OrganizationName.of(raw);
  }

  /** Collects the invalid fields of one request, so that a 422 lists all of them at once. */
  private static final class FieldCheck {

    private final List<FieldError> errors = new ArrayList<>();

    <T> T value(String raw, Function<String, T> parser) {
      try {
        return parser.apply(raw);
      } catch (InvalidField invalid) {
        errors.add(new FieldError(invalid.field(), invalid.getMessage()));
        return null;
      }
    }

    <T> Optional<T> optional(String raw, Function<String, T> parser) {
      return raw == null ? Optional.empty() : Optional.ofNullable(value(raw, parser));
    }

    void throwIfInvalid() {
      if (!errors.isEmpty()) {
        throw new InvalidRequest(errors);
      }
    }
  }
}
