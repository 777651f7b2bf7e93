package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.OrganizationName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code croupier org get}: shows one organization with its admin email. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show an organization, including its admin's email address.")
final class OrgGetCommand extends OperatorCommand {

  @Parameters(paramLabel = "NAME", description = "Organization name, in any letter case.")
  private String name;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;

  OrgGetCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
  }

  @Override
  void run(Operations operations) {
    AuthenticatedAdmin admin = adminOf(operations, organizationName);
    OrganizationDetails details =
        asAdminOf(
            organizationName,
            () -> operations.getOrganization().get(organizationName, Optional.of(admin)));
    output.printFields(out(), Views.organization(details));
  }
}
