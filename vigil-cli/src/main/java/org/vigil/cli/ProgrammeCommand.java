package org.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.analytics.programme.AdjustmentProposal;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.programme.Obligation;
import org.vigil.analytics.programme.Scorecard;
import org.vigil.app.Vigil;
import org.vigil.app.programme.ProgrammeDrift;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
import org.vigil.app.programme.ScorecardReport;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeDiff;
import org.vigil.model.programme.ProgrammeRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil programme}: strategic programmes: the registry, scorecards, plan drift and
 * proposals, revisions and diffs, reports and reminders, JSON import and export. Reads act as the
 * caller given by --user or --token (else anonymous); writes need a user with the right role.
 */
@Command(
    name = "programme",
    mixinStandardHelpOptions = true,
    description = "Strategic programmes: registry, scorecard, plan drift, revisions.",
    subcommands = {
      ProgrammeCommand.ListProgrammes.class,
      ProgrammeCommand.Show.class,
      ProgrammeCommand.ScorecardCmd.class,
      ProgrammeCommand.Drift.class,
      ProgrammeCommand.Proposals.class,
      ProgrammeCommand.Accept.class,
      ProgrammeCommand.Decide.class,
      ProgrammeCommand.Revisions.class,
      ProgrammeCommand.Diff.class,
      ProgrammeCommand.Reports.class,
      ProgrammeCommand.Reminders.class,
      ProgrammeCommand.Export.class,
      ProgrammeCommand.Import.class
    })
final class ProgrammeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  /** Work done with an open Vigil, the service and the caller. */
  interface Work {
    void run(VigilCommand root, ProgrammeService service, AccessContext caller) throws IOException;
  }

  static int with(CommandSpec spec, Work work) {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      work.run(root, new ProgrammeService(vigil), root.caller(vigil));
      return VigilCommand.OK;
    } catch (IOException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List programmes.")
  static final class ListProgrammes implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            Table t =
                Table.of(
                    "code",
                    "title",
                    "start",
                    "end",
                    "parties",
                    "active",
                    "latest",
                    "drafts",
                    "measures",
                    "kpis");
            for (ProgrammeSummary p : s.list(caller)) {
              t.row(
                  p.code(),
                  p.titleEn(),
                  p.start(),
                  p.end(),
                  String.join(" ", p.parties()),
                  p.activeVersion(),
                  p.latestVersion(),
                  p.drafts(),
                  p.measures(),
                  p.kpis());
            }
            root.renderer().print(t);
          });
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show a programme: the version in force, a given --version, or the one in force --as-of"
              + " a date. With --format json: the programme document.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--version", description = "Version number (default: the one in force).")
    int version;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The version in force then.")
    LocalDate asOf;

    @Option(names = "--lang", description = "en or ru (default en).")
    String lang = "en";

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            ProgrammeRevision r =
                asOf != null ? s.asOf(caller, code, asOf) : s.show(caller, code, version);
            if (root.renderer().format() == OutputFormat.JSON) {
              root.out().println(s.json().write(r.content()));
              return;
            }
            root.renderer().print(table(r, lang));
          });
    }

    static Table table(ProgrammeRevision r, String lang) {
      Programme p = r.content();
      boolean ru = "ru".equals(lang);
      Table t = Table.of("part", "code", "text", "who", "when", "detail");
      t.row(
          "programme",
          p.code(),
          p.title(lang),
          String.join(" ", p.parties()),
          p.start() + ".." + p.end(),
          "v" + r.version() + " " + r.state());
      t.row(
          "adopted",
          "",
          p.adoptingBody(),
          "",
          p.adoptedOn().equals(LocalDate.MIN) ? "unknown" : p.adoptedOn().toString(),
          "");
      t.row("provenance", "", p.provenance(), "", "", "");
      for (Objective o : p.objectives()) {
        t.row("objective", o.code(), ru ? o.titleRu() : o.titleEn(), "", "", "");
      }
      for (Measure m : p.measures()) {
        t.row(
            "measure",
            m.code(),
            ru ? m.titleRu() : m.titleEn(),
            String.join(" ", m.leadStates()) + " + " + String.join(" ", m.participatingStates()),
            m.start() + ".." + m.deadline(),
            m.status()
                + (m.reinforced() ? ", reinforced" : "")
                + "; KPIs "
                + String.join(" ", m.kpis()));
      }
      for (Kpi k : p.kpis()) {
        t.row(
            "kpi",
            k.code(),
            ru ? k.nameRu() : k.nameEn(),
            k.indicator() + "/" + k.area(),
            k.deadline().toString(),
            k.direction()
                + " "
                + k.target()
                + " (baseline "
                + k.baseline()
                + " in "
                + k.baselinePeriod()
                + ", tolerance "
                + k.tolerance()
                + ")");
      }
      return t;
    }
  }

  @Command(
      name = "scorecard",
      mixinStandardHelpOptions = true,
      description =
          "Measures done and late, KPI attainment and reporting compliance for the programme,"
              + " each objective and each state; --history adds the end of every earlier period.")
  static final class ScorecardCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date (default: today).")
    LocalDate asOf;

    @Option(names = "--history", description = "Include the earlier reporting periods.")
    boolean history;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            LocalDate date = asOf != null ? asOf : LocalDate.now(java.time.Clock.systemUTC());
            ScorecardReport r = s.scorecard(caller, code, date);
            Table t =
                Table.of(
                    "as_of",
                    "scope",
                    "key",
                    "measures",
                    "done",
                    "late",
                    "behind",
                    "kpis",
                    "kpis_met",
                    "kpi_progress",
                    "reports_due",
                    "on_time",
                    "late_reports",
                    "missing",
                    "compliance");
            if (history) {
              r.history().forEach(sc -> rows(t, sc));
            }
            rows(t, r.current());
            root.renderer().print(t);
            root.renderer().note("Version " + r.version() + ", " + r.note() + ".");
          });
    }

    private static void rows(Table t, Scorecard sc) {
      row(t, sc, "programme", sc.total());
      sc.objectives().forEach(o -> row(t, sc, "objective", o));
      sc.states().forEach(o -> row(t, sc, "state", o));
    }

    private static void row(Table t, Scorecard sc, String scope, Scorecard.Row r) {
      t.row(
          sc.asOf(),
          scope,
          r.key(),
          r.measures(),
          r.done(),
          r.late(),
          r.behind(),
          r.kpis(),
          r.kpisMet(),
          round(r.kpiProgress()),
          r.reportsDue(),
          r.reportsOnTime(),
          r.reportsLate(),
          r.reportsMissing(),
          round(r.compliance()));
    }
  }

  @Command(
      name = "drift",
      mixinStandardHelpOptions = true,
      description =
          "For each KPI the probability of meeting its target by its deadline, from the"
              + " forecast of its indicator; warnings below --threshold.")
  static final class Drift implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--threshold", description = "Warning threshold (default 0.5).")
    double threshold = 0.5;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            ProgrammeDrift d = s.drift(caller, code, DriftSpec.DEFAULT.withThreshold(threshold));
            Table t =
                Table.of(
                    "kpi",
                    "indicator",
                    "area",
                    "deadline",
                    "direction",
                    "target",
                    "last",
                    "median",
                    "probability",
                    "status",
                    "warning",
                    "model",
                    "trend",
                    "proposals");
            for (KpiDrift k : d.kpis()) {
              t.row(
                  k.kpi(),
                  k.indicator(),
                  k.area(),
                  k.deadline(),
                  k.direction(),
                  k.target(),
                  k.lastValue(),
                  round(k.median()),
                  round(k.probability()),
                  k.status(),
                  k.warning(),
                  k.evidence().model(),
                  k.evidence().trend(),
                  String.join(" ", k.proposals().stream().map(AdjustmentProposal::id).toList()));
            }
            root.renderer().print(t);
            root.renderer()
                .note(
                    d.warnings().size()
                        + " warning(s) on v"
                        + d.version()
                        + " as of "
                        + d.asOf()
                        + "; see `vigil programme proposals "
                        + code
                        + "`.");
          });
    }
  }

  @Command(
      name = "proposals",
      mixinStandardHelpOptions = true,
      description = "Adjustment proposals for the KPIs at risk.")
  static final class Proposals implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--threshold", description = "Warning threshold (default 0.5).")
    double threshold = 0.5;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            ProgrammeDrift d = s.drift(caller, code, DriftSpec.DEFAULT.withThreshold(threshold));
            Table t =
                Table.of(
                    "id",
                    "kind",
                    "kpi",
                    "new_target",
                    "new_deadline",
                    "measures",
                    "probability",
                    "summary");
            for (KpiDrift k : d.kpis()) {
              for (AdjustmentProposal p : k.proposals()) {
                t.row(
                    p.id(),
                    p.kind(),
                    p.kpi(),
                    p.newTarget(),
                    p.newDeadline(),
                    String.join(" ", p.measures()),
                    round(p.probability()),
                    p.summary());
              }
            }
            root.renderer().print(t);
          });
    }
  }

  @Command(
      name = "accept",
      mixinStandardHelpOptions = true,
      description = "Accept a proposal into a draft revision (needs --user or --token).")
  static final class Accept implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Parameters(index = "1", paramLabel = "PROPOSAL")
    String proposal;

    @Option(names = "--reason", description = "Why (default: the proposal's summary).")
    String reason = "";

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            ProgrammeRevision r = s.accept(caller, code, proposal, DriftSpec.DEFAULT, reason);
            root.renderer().print(revisions(List.of(r)));
          });
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description =
          "Approve (default) or --reject a draft revision; programme coordinators only. An"
              + " amendment changing other parties' KPIs or measures takes effect when each of"
              + " those parties (or the secretariat) has approved it; a joint KPI (a group area"
              + " such as CIS) concerns every party. Until then it stays a DRAFT with the"
              + " parties it awaits.")
  static final class Decide implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    @Option(names = "--reject", description = "Reject instead of approving.")
    boolean reject;

    @Option(names = "--comment", description = "Why.")
    String comment = "";

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) ->
              root.renderer()
                  .print(revisions(List.of(s.decide(caller, code, version, !reject, comment)))));
    }
  }

  @Command(name = "revisions", mixinStandardHelpOptions = true, description = "Every version.")
  static final class Revisions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) ->
              root.renderer().print(revisions(s.revisions(caller, code).revisions())));
    }
  }

  static Table revisions(List<ProgrammeRevision> rs) {
    Table t =
        Table.of(
            "version",
            "base",
            "state",
            "author",
            "organisation",
            "created",
            "reason",
            "decided_by",
            "decided_at",
            "comment",
            "consent_of",
            "awaiting");
    for (ProgrammeRevision r : rs) {
      t.row(
          r.version(),
          r.baseVersion(),
          r.state(),
          r.author(),
          r.organisation(),
          r.createdAt(),
          r.reason(),
          r.decision().map(d -> d.by()).orElse(null),
          r.decision().map(d -> d.at()).orElse(null),
          r.decision().map(d -> d.comment()).orElse(null),
          String.join(" ", r.consentRequired()),
          String.join(" ", r.awaitingConsentOf()));
    }
    return t;
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "What changed between two versions, field by field.")
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Parameters(index = "1", paramLabel = "FROM")
    int from;

    @Parameters(index = "2", paramLabel = "TO")
    int to;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            ProgrammeDiff d = s.diff(caller, code, from, to);
            Table t = Table.of("change", "path", "before", "after");
            d.changes().forEach(c -> t.row(c.kind(), c.path(), c.before(), c.after()));
            root.renderer().print(t);
            if (d.isEmpty()) {
              root.renderer().note("No changes from v" + from + " to v" + to + ".");
            }
          });
    }
  }

  @Command(
      name = "reports",
      mixinStandardHelpOptions = true,
      description = "Implementation reports the caller may see.")
  static final class Reports implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            Table t =
                Table.of(
                    "id",
                    "measure",
                    "party",
                    "period",
                    "status",
                    "percent",
                    "owner",
                    "classification",
                    "submitted_by",
                    "submitted_at",
                    "narrative");
            for (ImplementationReport r : s.reports(caller, code)) {
              t.row(
                  r.id(),
                  r.measure(),
                  r.party(),
                  r.period(),
                  r.status(),
                  r.percentDone(),
                  r.ownership().owner(),
                  r.ownership().classification(),
                  r.submittedBy(),
                  r.submittedAt(),
                  r.narrative());
            }
            root.renderer().print(t);
          });
    }
  }

  @Command(
      name = "reminders",
      mixinStandardHelpOptions = true,
      description = "Reports due or overdue today.")
  static final class Reminders implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            Table t = Table.of("party", "measure", "period", "due", "state");
            for (Obligation o : s.reminders(caller, code)) {
              t.row(o.party(), o.measure(), o.period(), o.due(), o.state());
            }
            root.renderer().print(t);
          });
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write a version as JSON (stdout, or --out FILE).")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--version", description = "Version number (default: the one in force).")
    int version;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write.")
    Path out;

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            String json = s.exportJson(caller, code, version);
            if (out == null) {
              root.out().println(json);
            } else {
              Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
              root.renderer().note("Wrote " + code + " to " + out + ".");
            }
          });
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Read a programme JSON file as a draft (a new programme, or a revision of the version"
              + " in force); a coordinator approves it with `decide`.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--reason", description = "Why (default: \"Imported from FILE\").")
    String reason = "";

    @Override
    public Integer call() {
      return with(
          spec,
          (root, s, caller) -> {
            if (!Files.isRegularFile(file)) {
              throw new InvalidInputException(
                  "Cannot read " + file + ": no such file; give the path of a programme JSON file");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ProgrammeRevision r = s.importJson(caller, text, file.toString(), reason);
            root.renderer().print(revisions(List.of(r)));
          });
    }
  }

  static Double round(double x) {
    return Double.isNaN(x) ? Double.NaN : Math.round(x * 1000) / 1000.0;
  }
}
