package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantTier;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code croupier org create}: creates an organization with its admin and its storage. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create an organization with its admin and the storage of its documents in a tier.",
      "The admin password is prompted for twice with echo off, unless --password-stdin or"
          + " --password-file is given. It needs at least 8 characters with an upper-case"
          + " letter, a lower-case letter and a digit, and at most 72 bytes in UTF-8."
    })
final class OrgCreateCommand extends OperatorCommand {

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description =
          "Organization name: 3 to 50 characters of a-z, 0-9, _ and -, starting with a letter or"
              + " digit. Spaces around it and letter case are normalized.")
  private String name;

  @Option(
      names = "--email",
      required = true,
      paramLabel = "EMAIL",
      description = "Email address the admin logs in with; stored in lower case.")
  private String email;

  @Option(
      names = "--tier",
      paramLabel = "TIER",
      description =
          "Tier that keeps the organization's documents: shared (one collection for all"
              + " organizations of the tier), collection (a collection of its own, org_<name>) or"
              + " database (a database of its own). Default: CROUPIER_DEFAULT_TIER, else collection.")
  private String tier;

  @ArgGroup(exclusive = true)
  private PasswordSource passwordSource;

  @Mixin private OutputOptions output;

  private CreateOrganizationCommand command;

  OrgCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    OrganizationName organizationName = OrganizationName.of(name);
    EmailAddress emailAddress = EmailAddress.of(email);
    Optional<TenantTier> tenantTier = Optional.ofNullable(tier).map(TenantTier::of);
    String password =
        PasswordSource.read(
            Optional.ofNullable(passwordSource),
            context.terminal(),
            "Password for the admin of '" + organizationName + "': ",
            true);
    command =
        new CreateOrganizationCommand(
            organizationName, emailAddress, Password.of(password), tenantTier);
  }

  @Override
  void run(Operations operations) {
    OrganizationDetails created = operations.createOrganization().create(command);
    output.printFields(out(), Views.organization(created));
  }
}
