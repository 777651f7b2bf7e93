package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.MoveReport;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code croupier org move}: moves an organization's documents to another tier. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    description = {
      "Move an organization's documents to another tier while the organization keeps working.",
      "The documents are copied first; then writes are refused for the final switch, in which the"
          + " last changes are copied and both copies are compared. Only an exact match switches"
          + " the organization to the new tier and drops the old copy; a failure before the switch"
          + " leaves it in its old tier.",
      "Progress goes to standard error: on a terminal one line that updates itself, otherwise a"
          + " line per phase. The report follows on standard output."
    })
final class OrgMoveCommand extends OperatorCommand {

  @Parameters(paramLabel = "NAME", description = "Organization name, in any letter case.")
  private String name;

  @Option(
      names = "--tier",
      required = true,
      paramLabel = "TIER",
      description =
          "Target tier: shared (one collection for all organizations of the tier), collection (a"
              + " collection of its own, org_<name>) or database (a database of its own).")
  private String tier;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;
  private TenantTier target;

  OrgMoveCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    target = TenantTier.of(tier);
  }

  @Override
  void run(Operations operations) {
    ProgressPrinter progress =
        new ProgressPrinter(err(), context.terminal().isAttached(), System::nanoTime);
    MoveReport report;
    try {
      report = operations.moveOrganization().move(organizationName, target, progress);
    } finally {
      progress.finish();
    }
    print(report);
  }

  private void print(MoveReport report) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("organization_name", organizationName.value());
    fields.put("source_tier", report.source().value());
    fields.put("target_tier", report.target().value());
    fields.put("documents", report.documents());
    fields.put("total_seconds", seconds(report.total()));
    fields.put("writes_refused_seconds", seconds(report.switching()));
    if (!output.isJson()) {
      out()
          .println(
              "Moved organization '"
                  + organizationName
                  + "' from tier "
                  + report.source()
                  + " to tier "
                  + report.target()
                  + ".");
    }
    output.printFields(out(), fields);
  }

  /** Returns the duration in seconds with millisecond precision, such as 1.25. */
  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
