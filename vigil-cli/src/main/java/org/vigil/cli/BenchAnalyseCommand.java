package org.vigil.cli;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.analytics.RiskService;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Role;
import org.vigil.model.run.AnalyticRun;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench analyse}: on the demo in a fresh in-memory H2, the full analytic run, the
 * incremental run after one new batch of one series, and reads of the stored results, side by side.
 */
@Command(
    name = "analyse",
    mixinStandardHelpOptions = true,
    description =
        "Time the full analytic run over the demo, the incremental run after one new batch of one"
            + " series, and reads of the stored risk scores.")
final class BenchAnalyseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--reads", defaultValue = "20", description = "Timed reads of stored results.")
  int reads;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    root.renderer()
        .note(
            String.format(
                Locale.ROOT,
                "analyse bench: demo in H2 in memory (%d processors, load average %.1f)",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    try (Vigil vigil = Vigil.open(VigilConfig.h2InMemory("bench-analyse-" + System.nanoTime()))) {
      DemoData.load(vigil);
      AnalyticRunner runner = new AnalyticRunner(vigil);
      long t0 = System.nanoTime();
      AnalyticRun full = runner.run("bench", true, AnalyticRunner.Progress.NONE);
      double fullS = (System.nanoTime() - t0) / 1e9;

      AccessContext sys = AccessContext.system();
      Period month = Period.parse(full.period().orElseThrow()).plus(-1);
      Observation old =
          vigil.observations().series(sys, "DEMO_DRUG_TRAFFICKING_OFFENCES", "KAZ").stream()
              .filter(o -> o.period().equals(month))
              .findFirst()
              .orElseThrow();
      vigil
          .observations()
          .append(
              sys,
              new IngestBatch(
                  0, "system", "SYSTEM", Instant.EPOCH, "bench-revision", "00", "json", 1, 0, 0),
              List.of(
                  new Observation(
                      old.indicator(),
                      old.area(),
                      month,
                      old.value() + 1,
                      "",
                      "bench",
                      0,
                      null,
                      old.ownership())));
      t0 = System.nanoTime();
      AnalyticRun inc = runner.run("bench", false, AnalyticRunner.Progress.NONE);
      double incS = (System.nanoTime() - t0) / 1e9;

      RiskService risk = new RiskService(vigil);
      AccessContext kaz = AccessContext.of("bench", "KAZ-SC", Role.ANALYST);
      RiskService.RiskRequest req =
          new RiskService.RiskRequest(
              Methodology.vigilDefault(), Optional.empty(), List.of(6, 12), RiskSpec.DEFAULT);
      risk.risk(kaz, req);
      t0 = System.nanoTime();
      int scores = 0;
      for (int i = 0; i < reads; i++) {
        scores = risk.risk(kaz, req).result().scores().size();
      }
      double readS = (System.nanoTime() - t0) / 1e9 / Math.max(1, reads);

      Table t = Table.of("what", "seconds", "series_computed", "results_stored", "aim");
      t.row("full run", fmt(fullS), full.seriesComputed(), full.resultsChanged(), "< 30 s");
      t.row(
          "incremental run (1 new value of 1 series)",
          fmt(incS),
          inc.seriesComputed(),
          inc.resultsChanged(),
          "< 2 s");
      t.row("read of stored risk (kaz.analyst, " + scores + " scores)", fmt(readS), 0, 0, "");
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }

  private static String fmt(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
