package io.croupier.adapter.in.cli;

import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.InvalidField;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.LoginLockedOut;
import io.croupier.domain.OrganizationAccessDenied;
import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.TenantSwitching;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Exit codes of every command, and the mapping of failures to them. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

  /** The command did what it was asked. */
  public static final int SUCCESS = 0;

  /** An unexpected failure, such as a bug; {@code --verbose} shows the stack trace. */
  public static final int SOFTWARE = 1;

  /** An invalid option, argument, password or setting, or a cancelled confirmation. */
  public static final int INVALID_INPUT = 2;

  /** No active organization has the given name. */
  public static final int NOT_FOUND = 3;

  /**
   * The organization name or the email address is already taken, or another request changed the
   * organization meanwhile.
   */
  public static final int CONFLICT = 4;

  /** The email or password is wrong. */
  public static final int AUTHENTICATION_FAILED = 5;

  /** The store cannot be reached, or its data folder is in use without a route to it. */
  public static final int STORE_UNAVAILABLE = 6;

  /** Too many failed logins of the account; wait, or clear them with {@code admin unlock}. */
  public static final int LOCKED_OUT = 7;

  /**
   * The organization's data is moving between tiers, or a rename is moving its collection; retry
   * once that has finished.
   */
  public static final int ORGANIZATION_MOVING = 8;

  /** A file or a standard stream could not be read or written. */
  public static final int FILE_FAILED = 9;

  /** Returns the exit codes with their meaning, for the help footer of every command. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(key(SUCCESS), "Success.");
    codes.put(key(SOFTWARE), "Unexpected failure; run again with --verbose for details.");
    codes.put(key(INVALID_INPUT), "Invalid option, argument, password or setting.");
    codes.put(key(NOT_FOUND), "Organization not found.");
    codes.put(key(CONFLICT), "Name or email taken, or organization changed; retry.");
    codes.put(key(AUTHENTICATION_FAILED), "Incorrect email or password.");
    codes.put(key(STORE_UNAVAILABLE), "Store unreachable, or its data folder in use.");
    codes.put(key(LOCKED_OUT), "Too many failed logins; wait, or run admin unlock.");
    codes.put(
        key(ORGANIZATION_MOVING),
        "Organization moving between tiers or being renamed; retry after that.");
    codes.put(key(FILE_FAILED), "A file could not be read or written.");
    return codes;
  }

  private static String key(int code) {
    return " " + code;
  }

  @Override
  public int getExitCode(Throwable failure) {
    if (failure instanceof CliFailure cliFailure) {
      return cliFailure.exitCode();
    }
    if (failure instanceof InvalidField || failure instanceof IllegalArgumentException) {
      return INVALID_INPUT;
    }
    if (failure instanceof OrganizationNotFound) {
      return NOT_FOUND;
    }
    if (failure instanceof OrganizationNameTaken
        || failure instanceof EmailTaken
        || failure instanceof OrganizationChanged) {
      return CONFLICT;
    }
    if (failure instanceof AuthenticationFailed
        || failure instanceof InvalidToken
        || failure instanceof OrganizationAccessDenied) {
      return AUTHENTICATION_FAILED;
    }
    if (failure instanceof StoreUnavailable) {
      return STORE_UNAVAILABLE;
    }
    if (failure instanceof LoginLockedOut) {
      return LOCKED_OUT;
    }
    if (failure instanceof OrganizationMoving || failure instanceof TenantSwitching) {
      return ORGANIZATION_MOVING;
    }
    return SOFTWARE;
  }
}
