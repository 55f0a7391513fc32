package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertService;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.demo.DemoReference;
import org.vigil.app.ingest.IngestProgress;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.Rejection;
import org.vigil.ingest.SkippedRow;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.ThreatDomain;
import org.vigil.model.run.AnalyticRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil ingest FILE [--format long|owid|sdmx|json]}: loads a file as one batch. Exit 0 when
 * loaded (or already loaded), 2 on bad input with one line naming file, line and field (nothing is
 * written), 1 on internal errors. The input format comes from the global --format option, else from
 * the file's name and header.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load a file of observations as one batch (all or nothing unless --keep-good-rows).",
      "The format is inferred from the file's content and name; --format overrides it: long"
          + " (indicator,area,period,value[,flags,source]), owid (Entity[,Code],Year[,Scale],<columns>),"
          + " sdmx (SDMX-CSV 2.1/3.0), sdmx-ml (SDMX-ML 2.1 structure-specific), sdmx-json"
          + " (SDMX-JSON 1.0/2.0) or json. SDMX data sets with a valid-from time are stored as"
          + " one batch (vintage) each, oldest first.",
      "CSV separators: comma, semicolon or tab; with semicolons or tabs a comma may be the"
          + " decimal separator (as Excel writes in a Russian locale). Areas: ISO alpha-3 or"
          + " alpha-2 codes, group codes, or English or Russian names."
    })
final class IngestCommand implements Callable<Integer> {
  private static final String DEFAULT_OWNER = "SECRETARIAT";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to load.")
  Path file;

  @Option(names = "--column", paramLabel = "NAME", description = "OWID: the value column to load.")
  String column;

  @Option(
      names = "--indicator",
      paramLabel = "CODE",
      description = "OWID: the indicator the column holds; SDMX: a fixed indicator.")
  String indicator;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description =
          "OWID: create the --indicator (yearly) with this threat domain when it is not known yet.")
  String domain;

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      description =
          "Unit of an indicator --domain creates. Its scale is the one the file's optional Scale"
              + " column declares (SHARE, PERCENT_RATIO or OTHER); without one a unit in percent"
              + " makes a SHARE (0 to 100).")
  String unit = "";

  @Option(
      names = "--owner",
      paramLabel = "ORG",
      description =
          "Owning organisation (default: the organisation of --user or --token; SECRETARIAT for"
              + " the local operator).")
  String owner;

  @Option(
      names = "--classification",
      paramLabel = "C",
      description =
          "NATIONAL, RESTRICTED, SHARED or PUBLIC (default: PUBLIC for owid, which is public data;"
              + " NATIONAL otherwise).")
  String classification;

  @Option(
      names = "--sdmx-indicator-dimension",
      paramLabel = "DIM",
      description = "SDMX: indicator column (default INDICATOR).")
  String sdmxIndicator = "";

  @Option(
      names = "--sdmx-area-dimension",
      paramLabel = "DIM",
      description = "SDMX: area column (default REF_AREA).")
  String sdmxArea = "";

  @Option(
      names = "--share-with",
      split = ",",
      paramLabel = "ORG",
      description = "With --classification RESTRICTED: the organisations that may read the data.")
  java.util.Set<String> shareWith = java.util.Set.of();

  @Option(
      names = "--keep-good-rows",
      description = "Store the good rows and list every rejected row, instead of storing nothing.")
  boolean keepGoodRows;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    IngestFormat format = format(root.formatText);
    Classification c =
        classification != null
            ? Classification.parse(classification)
            : format == IngestFormat.OWID ? Classification.PUBLIC : Classification.NATIONAL;
    try (Vigil vigil = root.openVigil()) {
      DemoReference.ensure(vigil);
      boolean asCaller =
          root.token != null || root.user != null || System.getenv("VIGIL_TOKEN") != null;
      AccessContext ctx = asCaller ? root.caller(vigil) : root.operator();
      String org =
          owner != null && !owner.isBlank()
              ? owner.trim().toUpperCase(Locale.ROOT)
              : asCaller ? ctx.organisation() : DEFAULT_OWNER;
      IngestRequest.Builder b =
          IngestRequest.builder(format, org, c)
              .column(column)
              .indicator(indicator)
              .sdmxDimensions(sdmxIndicator, sdmxArea)
              .sharedWith(shareWith)
              .keepGoodRows(keepGoodRows)
              .reclassify(classification != null);
      if (domain != null) {
        b.newIndicator(ThreatDomain.parse(domain), unit);
      }
      IngestResult r;
      try (Progress progress = new Progress(root.err(), file.getFileName().toString())) {
        r = new IngestService(vigil).ingest(ctx, file, b.build(), progress);
      }
      if (!r.alreadyLoaded() && r.batch().id() != 0) {
        root.err()
            .println(
                file.getFileName()
                    + ": batch "
                    + r.batch().id()
                    + " complete ("
                    + r.batch().rowsAdded()
                    + " rows added)");
      }
      report(r, root);
      if (r.batch().rowsAdded() > 0) {
        // The alert rules run after every ingest, so `alerts list` shows what the new data holds.
        int raised = new AlertService(vigil).evaluate(root.operator()).raised().size();
        root.err().println(raised + " new alert(s); list them with: vigil alerts list");
        AnalyticRun run =
            new AnalyticRunner(vigil).run("ingest", false, AnalyticRunner.Progress.NONE);
        root.err()
            .println(
                "analytic run "
                    + run.id()
                    + ": "
                    + run.seriesComputed()
                    + " series recomputed, "
                    + run.resultsChanged()
                    + " results changed");
      }
    }
    return VigilCommand.OK;
  }

  /** --format when given (the root's default "table" counts as not given), else inferred. */
  private IngestFormat format(String formatText) {
    if (formatText != null && !formatText.isBlank() && !"table".equalsIgnoreCase(formatText)) {
      try {
        return IngestFormat.parse(formatText);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "ingest --format: expected long, owid, sdmx, sdmx-ml, sdmx-json or json (the input"
                + " format), found '"
                + formatText
                + "'");
      }
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8192);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file + "; check the path");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
    }
    return IngestFormat.infer(file.getFileName().toString(), head)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    file
                        + " line 1, field header: expected indicator,area,period,value (long),"
                        + " Entity,Year,... (owid), TIME_PERIOD and OBS_VALUE (sdmx), an SDMX-ML"
                        + " or SDMX-JSON message, or a .json file, found '"
                        + firstLine(head)
                        + "'; or give --format"));
  }

  private static String firstLine(byte[] head) {
    String t = new String(head, StandardCharsets.UTF_8).strip();
    int end = t.indexOf('\n');
    String line = end < 0 ? t : t.substring(0, end).strip();
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  private void report(IngestResult r, VigilCommand root) {
    PrintStream err = root.err();
    for (Rejection x : r.read().rejections()) {
      err.println("rejected: " + x.message());
    }
    long skipped = r.read().skipped().stream().map(SkippedRow::what).distinct().count();
    Table t =
        Table.of(
            "file",
            "format",
            "batch",
            "rows_read",
            "added",
            "unchanged",
            "rejected",
            "skipped_entities",
            "sha256_prefix",
            "note");
    t.row(
        file.getFileName().toString(),
        r.read().format().id(),
        r.batch().id() == 0 ? null : r.batch().id(),
        r.read().rowsRead(),
        r.batch().rowsAdded(),
        r.unchanged(),
        r.batch().rowsRejected(),
        skipped,
        r.sha256().substring(0, Math.min(12, r.sha256().length())),
        r.alreadyLoaded()
            ? "already loaded: nothing added, " + r.unchanged() + " unchanged"
            : r.batch().rowsAdded() == 0
                ? "no new or revised values: " + r.unchanged() + " unchanged"
                : r.createdIndicator()
                    .map(i -> "created indicator " + i.code() + " (scale " + i.scale() + ")")
                    .orElse(""));
    // The ingest format lives in --format, so the summary is always printed as a table.
    root.tableRenderer().print(t);
  }

  /**
   * A progress bar on a terminal, plain lines (every 10%) otherwise, since progress bars write
   * control codes.
   */
  static final class Progress implements IngestProgress, AutoCloseable {
    private final PrintStream err;
    private final String name;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private long lastTenth = -1;
    private long lastStoredTenth = -1;

    Progress(PrintStream err, String name) {
      this.err = err;
      this.name = name;
    }

    @Override
    public void update(String stage, long done, long total) {
      if (stage.equals("storing")) {
        // Plain lines on a terminal too: few of them (every 10%), and the kill test reads them.
        long tenth = total == 0 ? 10 : done * 10 / total;
        if (done == 0 || tenth != lastStoredTenth) {
          lastStoredTenth = tenth;
          err.printf(
              Locale.ROOT,
              "%s: stored %,d of %,d new values (%d%%)%n",
              name,
              done,
              total,
              tenth * 10);
        }
        return;
      }
      if (!stage.equals("reading")) {
        if (done == 0) {
          close();
          err.println(name + ": writing to the database...");
        }
        return;
      }
      if (terminal && total > 0) {
        if (bar == null) {
          bar = ProgressBars.ascii(err, "Reading " + name, total, " KiB", 1024);
        }
        bar.stepTo(done);
      } else if (total > 0) {
        long tenth = done * 10 / total;
        if (tenth != lastTenth) {
          lastTenth = tenth;
          err.println(name + ": read " + (tenth * 10) + "% (" + done + " of " + total + " bytes)");
        }
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
