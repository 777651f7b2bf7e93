package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code croupier audit}: one page of an organization's audit events, newest first. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Show an organization's audit events, newest first, one page at a time: logins, refreshes,"
          + " logouts, lockouts and changes, with the actor, outcome, client address and request"
          + " id of each.",
      "A deleted organization's events stay readable under its last name until their retention"
          + " (CROUPIER_AUDIT_RETENTION) ends. Each page that has a successor ends with a cursor;"
          + " pass it to --cursor for the next page."
    })
final class AuditCommand extends OperatorCommand {

  private static final String NONE = "-";

  @Parameters(
      paramLabel = "ORG",
      description = "Organization name, in any letter case; may name a deleted organization.")
  private String name;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "" + ListAuditEventsUseCase.DEFAULT_LIMIT,
      description = "Events per page, 1 to 200. Default: ${DEFAULT-VALUE}.")
  private int limit;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description =
          "Start after the event that CURSOR marks; each page but the last prints the cursor of"
              + " the next one.")
  private String cursor;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;

  AuditCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    if (limit < 1 || limit > ListAuditEventsUseCase.MAX_LIMIT) {
      throw new InvalidField(
          "limit",
          "Limit " + limit + " is out of range; use 1 to " + ListAuditEventsUseCase.MAX_LIMIT);
    }
  }

  @Override
  void run(Operations operations) {
    AuditEventPage page =
        operations
            .listAuditEvents()
            .listByOrganizationName(organizationName, Optional.ofNullable(cursor), limit);
    PrintWriter out = out();
    if (output.isJson()) {
      out.println(Json.write(Views.auditPage(page)));
    } else {
      printText(out, page);
    }
    out.flush();
  }

  private void printText(PrintWriter out, AuditEventPage page) {
    List<List<String>> rows = new ArrayList<>();
    for (AuditEvent event : page.events()) {
      rows.add(
          List.of(
              Views.utc(event.time()),
              event.action().code(),
              event.outcome().code(),
              event.actor(),
              orNone(event.clientAddress()),
              orNone(event.requestId()),
              event.changedFields().isEmpty() ? NONE : String.join(",", event.changedFields())));
    }
    if (!rows.isEmpty()) {
      TextTable.printRows(
          out,
          List.of(
              "TIME",
              "ACTION",
              "OUTCOME",
              "ACTOR",
              "CLIENT_ADDRESS",
              "REQUEST_ID",
              "CHANGED_FIELDS"),
          rows);
    }
    out.println(
        "Showing "
            + rows.size()
            + (rows.size() == 1 ? " event" : " events")
            + " of organization "
            + organizationName.value()
            + ", newest first.");
    page.nextCursor()
        .ifPresent(next -> out.println("Next page: --cursor " + next + " --limit " + limit));
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}
