package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.OrganizationName;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code croupier org delete}: deletes an organization after a confirmation. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete an organization with its admin and all its documents, in every tier.",
      "The collection tier drops the organization's collection org_<name>, and the database tier"
          + " drops its database. The shared tier deletes its documents from the shared collection"
          + " tenant_documents and keeps those of other organizations.",
      "On a terminal, type the organization's name to confirm. Without a terminal, --yes is"
          + " required."
    })
final class OrgDeleteCommand extends OperatorCommand {

  @Parameters(paramLabel = "NAME", description = "Organization name.")
  private String name;

  @Option(
      names = "--yes",
      description =
          "Delete without asking for confirmation; required when no terminal is attached.")
  private boolean confirmed;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;

  OrgDeleteCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    if (!confirmed && !context.terminal().isAttached()) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "No terminal is attached to confirm the deletion of organization '"
              + organizationName
              + "'; pass --yes to delete it without confirmation");
    }
  }

  @Override
  void run(Operations operations) {
    AuthenticatedAdmin admin = adminOf(operations, organizationName);
    OrganizationDetails details =
        asAdminOf(
            organizationName,
            () -> operations.getOrganization().get(organizationName, Optional.of(admin)));
    if (!confirmed) {
      confirm(details);
    }

    asAdminOf(
        organizationName,
        () -> {
          operations.deleteOrganization().delete(admin, Optional.of(organizationName));
          return null;
        });
    print(details);
  }

  private void confirm(OrganizationDetails details) {
    String prompt =
        "Type the organization name '"
            + organizationName
            + "' to delete it with its admin "
            + details.adminEmail().map(Object::toString).orElse("")
            + " and its documents ("
            + details.location().connectionDetails()
            + "): ";
    String answer = context.terminal().readLine(prompt).orElse("");
    if (!organizationName.value().equals(OrganizationName.normalize(answer))) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The confirmation '"
              + answer.strip()
              + "' does not match '"
              + organizationName
              + "', so nothing was deleted");
    }
  }

  private void print(OrganizationDetails deleted) {
    if (output.isJson()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("deleted", true);
      fields.put("organization", Views.organization(deleted));
      output.printFields(out(), fields);
      return;
    }
    PrintWriter out = out();
    out.println(
        "Deleted organization '"
            + organizationName
            + "' with its admin and its documents ("
            + deleted.location().connectionDetails()
            + ").");
    out.flush();
  }
}
