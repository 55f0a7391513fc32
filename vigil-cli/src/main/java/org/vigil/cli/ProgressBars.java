package org.vigil.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The command line's one kind of progress bar: ASCII, on the given stream (standard error). */
final class ProgressBars {
  private ProgressBars() {}

  /** A bar counting plain steps. */
  static ProgressBar ascii(PrintStream err, String task, long max) {
    return builder(err, task, max).build();
  }

  /** A bar counting in {@code unit}s of {@code unitSize} steps (e.g. " KiB", 1024). */
  static ProgressBar ascii(PrintStream err, String task, long max, String unit, long unitSize) {
    return builder(err, task, max).setUnit(unit, unitSize).build();
  }

  private static ProgressBarBuilder builder(PrintStream err, String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err));
  }
}
