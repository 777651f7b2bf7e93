package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that work on the store: checks and reads the input first, then opens the
 * store for the command and closes it afterwards.
 */
abstract class OperatorCommand implements Callable<Integer> {

  protected final CliContext context;

  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  OperatorCommand(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public final Integer call() {
    try {
      prepare();
      try (Operations operations =
          context.operations().open(store.resolve(context.environment()))) {
        run(operations);
      }
    } finally {
      release();
    }
    return ExitCodes.SUCCESS;
  }

  /**
   * Validates the arguments and reads passwords and input files before the store opens; does
   * nothing by default.
   */
  void prepare() {}

  /**
   * Removes what {@link #prepare} left behind, such as temporary files; does nothing by default.
   */
  void release() {}

  /** Runs the command on the open store and prints its result. */
  abstract void run(Operations operations);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Returns the admin of the named organization, whom an operator acts for.
   *
   * @throws OrganizationNotFound if no active organization has the name
   */
  static AuthenticatedAdmin adminOf(Operations operations, OrganizationName name) {
    return operations.resolveOrganizationAdmin().resolveAdmin(name);
  }

  /**
   * Runs a use case for the admin of the named organization. The admin's use cases reject an admin
   * whose organization is gone with {@link InvalidToken}, which here means the organization was
   * deleted after it was resolved.
   */
  static <T> T asAdminOf(OrganizationName name, Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidToken organizationGone) {
      throw new OrganizationNotFound(name.value());
    }
  }
}
