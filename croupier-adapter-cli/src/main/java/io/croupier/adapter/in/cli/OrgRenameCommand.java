package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.OrganizationName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code croupier org rename}: renames an organization, whose documents stay with it. */
@Command(
    name = "rename",
    mixinStandardHelpOptions = true,
    description = {
      "Rename an organization. Its documents stay with it in every tier, and tokens issued before"
          + " keep working.",
      "In the collection tier, its collection org_<old> is renamed org_<new>. The shared and"
          + " database tiers find documents by the organization's id, so nothing is moved."
    })
final class OrgRenameCommand extends OperatorCommand {

  @Parameters(index = "0", paramLabel = "OLD", description = "Current organization name.")
  private String oldName;

  @Parameters(
      index = "1",
      paramLabel = "NEW",
      description =
          "New name: 3 to 50 characters of a-z, 0-9, _ and -, starting with a letter or digit.")
  private String newName;

  @Mixin private OutputOptions output;

  private OrganizationName from;
  private OrganizationName to;

  OrgRenameCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    from = OrganizationName.of(oldName);
    to = OrganizationName.of(newName);
  }

  @Override
  void run(Operations operations) {
    AuthenticatedAdmin admin = adminOf(operations, from);
    UpdateOrganizationCommand rename =
        new UpdateOrganizationCommand(admin, Optional.of(to), Optional.empty(), Optional.empty());
    OrganizationDetails renamed =
        asAdminOf(from, () -> operations.updateOrganization().update(rename));
    output.printFields(out(), Views.organization(renamed));
  }
}
