package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code croupier org list}: one page of organizations, newest first, with a cursor. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List organizations, newest first, one page at a time, with the total count.",
      "Each page that has a successor ends with a cursor; pass it to --after for the next page."
    })
final class OrgListCommand extends OperatorCommand {

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Organizations per page, 1 to 1000. Default: ${DEFAULT-VALUE}.")
  private int limit;

  @Option(
      names = "--after",
      paramLabel = "CURSOR",
      description =
          "Start after the organization that CURSOR marks; each page but the last prints the"
              + " cursor of the next one.")
  private String after;

  @Mixin private OutputOptions output;

  private ListOrganizationsQuery query;

  OrgListCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    query = new ListOrganizationsQuery(limit, Optional.ofNullable(after));
  }

  @Override
  void run(Operations operations) {
    OrganizationPage page = operations.listOrganizations().list(query);
    PrintWriter out = out();
    if (output.isJson()) {
      out.println(Json.write(Views.page(page)));
    } else {
      printText(out, page);
    }
    out.flush();
  }

  private void printText(PrintWriter out, OrganizationPage page) {
    List<List<String>> rows = new ArrayList<>();
    for (OrganizationDetails details : page.organizations()) {
      rows.add(
          List.of(
              details.organization().name().value(),
              details.organization().id(),
              details.organization().tier().value(),
              Views.utc(details.organization().createdAt()),
              details.location().collectionName()));
    }
    if (!rows.isEmpty()) {
      TextTable.printRows(out, List.of("NAME", "ID", "TIER", "CREATED_AT", "COLLECTION"), rows);
    }
    out.println(
        "Showing "
            + rows.size()
            + " of "
            + page.total()
            + (page.total() == 1 ? " organization" : " organizations")
            + ", newest first.");
    page.nextCursor()
        .ifPresent(cursor -> out.println("Next page: --after " + cursor + " --limit " + limit));
  }
}
