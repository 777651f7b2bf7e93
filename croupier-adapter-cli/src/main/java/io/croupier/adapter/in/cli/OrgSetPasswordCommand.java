package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code croupier org set-password}: sets a new admin password and revokes older tokens. */
@Command(
    name = "set-password",
    mixinStandardHelpOptions = true,
    description = {
      "Set a new password for the organization's admin. Every token issued before stops working.",
      "The password is prompted for twice with echo off, unless --password-stdin or"
          + " --password-file is given. It needs at least 8 characters with an upper-case"
          + " letter, a lower-case letter and a digit, and at most 72 bytes in UTF-8."
    })
final class OrgSetPasswordCommand extends OperatorCommand {

  @Parameters(paramLabel = "NAME", description = "Organization name.")
  private String name;

  @ArgGroup(exclusive = true)
  private PasswordSource passwordSource;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;
  private Password newPassword;

  OrgSetPasswordCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    String password =
        PasswordSource.read(
            Optional.ofNullable(passwordSource),
            context.terminal(),
            "New password for the admin of '" + organizationName + "': ",
            true);
    newPassword = Password.of(password);
  }

  @Override
  void run(Operations operations) {
    AuthenticatedAdmin admin = adminOf(operations, organizationName);
    UpdateOrganizationCommand change =
        new UpdateOrganizationCommand(
            admin, Optional.empty(), Optional.empty(), Optional.of(newPassword));
    OrganizationDetails changed =
        asAdminOf(organizationName, () -> operations.updateOrganization().update(change));

    if (output.isJson()) {
      output.printFields(out(), Views.organization(changed));
      return;
    }
    PrintWriter out = out();
    out.println(
        "Changed the admin password of organization '"
            + changed.organization().name()
            + "'; tokens issued before no longer work.");
    out.flush();
  }
}
