package org.vigil.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.analytics.run.SeriesTask;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.analytics.StageFiles;
import org.vigil.model.InvalidInputException;

/**
 * {@code vigil analyse --engine spark}: the per-series stage of the analytic run on Spark. The
 * run's tasks (read by the app in the system context, as the in-process run reads them) go to the
 * work directory ({@link StageFiles}), {@code org.vigil.spark.AnalyticJob} computes them, and the
 * app imports its outcome lines and publishes them as the same run the in-process engine would
 * make.
 */
final class SparkAnalyticEngine implements AnalyticRunner.Engine {
  private final SparkProcess process;
  private final String master;
  private final Path workDir;
  private final String method;

  SparkAnalyticEngine(SparkProcess process, String master, Path workDir, String method) {
    this.process = process;
    this.master = master;
    this.workDir = workDir;
    this.method = method;
  }

  @Override
  public String name() {
    return "spark " + master;
  }

  @Override
  public List<SeriesOutcome> compute(
      SeriesStage stage, List<SeriesTask> tasks, AnalyticRunner.Progress progress) {
    StageFiles.write(tasks, workDir);
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--input",
            workDir.resolve(StageFiles.INPUT).toString(),
            "--tasks",
            workDir.resolve(StageFiles.TASKS).toString(),
            "--method",
            method,
            "--output",
            workDir.resolve("outcomes.parquet").toString(),
            "--lines-output",
            workDir.resolve("outcomes.lines").toString()));
    stage.period().ifPresent(p -> args.addAll(List.of("--period", p.toString())));
    progress.update(0, tasks.size());
    int code = process.run(SparkProcess.ANALYTIC_JOB, master, args);
    if (code != 0) {
      throw new InvalidInputException(
          "The Spark job of the analytic run failed (exit "
              + code
              + "): expected its outcomes in "
              + workDir
              + ", found none; nothing was published. See the lines above and "
              + System.getProperty("java.io.tmpdir")
              + "/vigil-spark.log, or run with --engine in-process");
    }
    List<SeriesOutcome> out = StageFiles.read(workDir.resolve("outcomes.lines"));
    progress.update(out.size(), tasks.size());
    return out;
  }
}
