package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil demo}: loads the demo data into the chosen database (once; idempotent). */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Load the demo data into the database (--db or VIGIL_DB_URL): every ISO country, the CIS,"
          + " river basins, councils and demo users, the Penn World Table extract, and synthetic"
          + " monthly indicators (marked synthetic) with events and documents.",
      "Loads once: a second run adds nothing."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      long start = System.nanoTime();
      DemoData.LoadResult r = DemoData.load(vigil);
      // The alert rules run after every load, so `alerts list` shows what the data holds.
      int alerts =
          new org.vigil.app.alert.AlertService(vigil).evaluate(root.operator()).raised().size();
      double seconds = (System.nanoTime() - start) / 1e9;
      Table t =
          Table.of(
              "already_loaded",
              "reference_added",
              "observations_added",
              "events",
              "documents",
              "texts",
              "users",
              "months",
              "new_alerts",
              "seconds");
      t.row(
          r.alreadyLoaded(),
          r.referenceAdded(),
          r.observationsAdded(),
          r.events(),
          r.documents(),
          r.texts(),
          r.users(),
          r.spec().first() + ".." + r.spec().last(),
          alerts,
          Math.round(seconds * 10) / 10.0);
      root.renderer().print(t);
      if (!r.alreadyLoaded()) {
        long t0 = System.nanoTime();
        org.vigil.model.run.AnalyticRun run;
        try (AnalyseCommand.Bar bar = new AnalyseCommand.Bar(root.err())) {
          run = new org.vigil.app.analytics.AnalyticRunner(vigil).run("demo", true, bar);
        }
        AnalyseCommand.print(root, run, (System.nanoTime() - t0) / 1e9);
        DemoLogins.print(root.err());
      }
    }
    return VigilCommand.OK;
  }
}
