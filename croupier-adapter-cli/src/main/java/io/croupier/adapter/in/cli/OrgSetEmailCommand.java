package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code croupier org set-email}: changes the email address the admin logs in with. */
@Command(
    name = "set-email",
    mixinStandardHelpOptions = true,
    description = "Change the email address that the organization's admin logs in with.")
final class OrgSetEmailCommand extends OperatorCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "Organization name.")
  private String name;

  @Parameters(
      index = "1",
      paramLabel = "EMAIL",
      description = "New email address; stored in lower case, and no other admin may have it.")
  private String email;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;
  private EmailAddress newEmail;

  OrgSetEmailCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    newEmail = EmailAddress.of(email);
  }

  @Override
  void run(Operations operations) {
    AuthenticatedAdmin admin = adminOf(operations, organizationName);
    UpdateOrganizationCommand change =
        new UpdateOrganizationCommand(
            admin, Optional.empty(), Optional.of(newEmail), Optional.empty());
    OrganizationDetails changed =
        asAdminOf(organizationName, () -> operations.updateOrganization().update(change));
    output.printFields(out(), Views.organization(changed));
  }
}
