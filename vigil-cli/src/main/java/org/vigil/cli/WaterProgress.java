package org.vigil.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.vigil.water.AllocationProgress;

/**
 * The re-solves of a water run (relief checks, or the explanation of an infeasible scenario) on
 * stderr: a progress bar on a terminal, a line per quarter otherwise.
 */
final class WaterProgress implements AllocationProgress, AutoCloseable {
  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private ProgressBar bar;
  private Stage stage;
  private long lastQuarter = -1;

  WaterProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void step(Stage s, int done, int total) {
    if (total <= 0) {
      return;
    }
    if (s != stage) {
      close();
      stage = s;
      lastQuarter = -1;
    }
    String task = s == Stage.RELIEF ? "Relief checks" : "Explaining";
    if (terminal) {
      if (bar == null) {
        bar = ProgressBars.ascii(err, task, total, " solves", 1);
      }
      bar.maxHint(total);
      bar.stepTo(done);
    } else {
      long quarter = (long) done * 4 / total;
      if (quarter != lastQuarter) {
        lastQuarter = quarter;
        err.println(
            "water: "
                + task.toLowerCase(java.util.Locale.ROOT)
                + " "
                + done
                + " of at most "
                + total);
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
