package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.store.ReportingAgreements;
import org.vigil.store.ReportingAgreements.Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil agreements list|allow|revoke}: reporting agreements, which let an organisation
 * report values for an area other than its own. With {@code --user} or {@code --token} the command
 * acts as that user (a system administrator, or an organisation admin of the area's owner, may
 * allow and revoke; everyone lists the agreements that concern their organisation); without, as the
 * local operator. Every change is audited with origin "cli".
 */
@Command(
    name = "agreements",
    mixinStandardHelpOptions = true,
    description = "List, allow or revoke reporting agreements (who may report for which area).",
    subcommands = {
      AgreementsCommand.ListAgreements.class,
      AgreementsCommand.Allow.class,
      AgreementsCommand.Revoke.class
    })
final class AgreementsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  /** The --user/--token caller when one is given, else the local operator (as ingest does). */
  static AccessContext actor(VigilCommand root, Vigil vigil) {
    boolean asCaller =
        root.token != null || root.user != null || System.getenv("VIGIL_TOKEN") != null;
    return asCaller ? root.caller(vigil) : root.operator();
  }

  static Table table(List<Agreement> agreements) {
    Table t = Table.of("reporter", "area");
    for (Agreement a : agreements) {
      t.row(a.reporter(), a.area());
    }
    return t;
  }

  /** The options naming one agreement. */
  abstract static class One implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--reporter",
        required = true,
        paramLabel = "ORG",
        description = "The organisation that reports, e.g. KAZ-SC.")
    String reporter;

    @Option(
        names = "--area",
        required = true,
        paramLabel = "AREA",
        description = "The area it reports for: a code such as RUS, or a name.")
    String area;

    abstract String change(ReportingAgreements agreements, AccessContext ctx, String org, String a);

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        AccessContext ctx = actor(root, vigil);
        String code = root.areaCode(vigil, area);
        String org = reporter.trim().toUpperCase(Locale.ROOT);
        root.out().println(change(vigil.reportingAgreements(), ctx, org, code));
      }
      return VigilCommand.OK;
    }
  }

  /** {@code agreements list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the reporting agreements: all for a system administrator or the local operator,"
              + " else those of your organisation as reporter or about its area.")
  static final class ListAgreements implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        root.renderer().print(table(vigil.reportingAgreements().list(actor(root, vigil))));
      }
      return VigilCommand.OK;
    }
  }

  /** {@code agreements allow --reporter ORG --area AREA}. */
  @Command(
      name = "allow",
      mixinStandardHelpOptions = true,
      description =
          "Let an organisation report values for an area besides its own (a system administrator"
              + " or an organisation admin of the area's owner).")
  static final class Allow extends One {
    @Override
    String change(ReportingAgreements agreements, AccessContext ctx, String org, String a) {
      return agreements.allow(ctx, org, a)
          ? "Allowed: " + org + " may report values for " + a + "."
          : "Unchanged: " + org + " already may report values for " + a + ".";
    }
  }

  /** {@code agreements revoke --reporter ORG --area AREA}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "End an organisation's reporting for an area; values it already reported stay its own"
              + " series.")
  static final class Revoke extends One {
    @Override
    String change(ReportingAgreements agreements, AccessContext ctx, String org, String a) {
      agreements.revoke(ctx, org, a);
      return "Revoked: " + org + " may no longer report values for " + a + ".";
    }
  }
}
