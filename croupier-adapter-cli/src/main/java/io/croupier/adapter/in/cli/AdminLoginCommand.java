package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.LoginResult;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code croupier admin login}: prints an access token for an admin. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log an admin in and print an access token for the HTTP API.",
      "With --output text only the token is printed, so that a script can capture it; --output"
          + " json adds its type, lifetime in seconds and ids. The password is prompted for with"
          + " echo off, unless --password-stdin or --password-file is given."
    })
final class AdminLoginCommand extends OperatorCommand {

  @Option(
      names = "--email",
      required = true,
      paramLabel = "EMAIL",
      description = "Email address of the admin.")
  private String email;

  @ArgGroup(exclusive = true)
  private PasswordSource passwordSource;

  @Mixin private OutputOptions output;

  private String password;

  AdminLoginCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    password =
        PasswordSource.read(
            Optional.ofNullable(passwordSource), context.terminal(), "Password: ", false);
  }

  @Override
  void run(Operations operations) {
    LoginResult login = operations.logIn().logIn(email, password);
    if (output.isJson()) {
      output.printFields(out(), Views.token(login));
      return;
    }
    PrintWriter out = out();
    out.println(login.accessToken());
    out.flush();
  }
}
