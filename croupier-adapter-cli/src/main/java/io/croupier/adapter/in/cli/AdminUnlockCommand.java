package io.croupier.adapter.in.cli;

import io.croupier.domain.EmailAddress;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code croupier admin unlock}: clears the failed logins of an account. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Clear the recorded failed logins of an account, so that a login with the right password"
          + " succeeds again at once. The clearing is recorded in the audit log.",
      "Works for any email, whether an admin has it or not. Failures counted per client address"
          + " stay until their window (CROUPIER_LOGIN_ADDRESS_WINDOW) ends."
    })
final class AdminUnlockCommand extends OperatorCommand {

  @Option(
      names = "--email",
      required = true,
      paramLabel = "EMAIL",
      description = "Email address of the account, in any letter case.")
  private String email;

  private EmailAddress address;

  AdminUnlockCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    address = EmailAddress.of(email);
  }

  @Override
  void run(Operations operations) {
    operations.clearLockout().clear(address);
    PrintWriter out = out();
    out.println("Cleared the failed logins of " + address.value() + ".");
    out.flush();
  }
}
