package org.vigil.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a job: the master from spark-submit, or {@code --master} otherwise. */
final class Sessions {
  private Sessions() {}

  /** Stops the session unless it was running before the job opened it (a test's shared one). */
  static void close(SparkSession s, boolean existed) {
    if (!existed) {
      s.stop();
    }
  }

  /** Whether a session is already running in this JVM. */
  static boolean running() {
    return SparkSession.getDefaultSession().isDefined();
  }

  /**
   * Opens (or joins) the session. {@code partitions} > 0 sets the shuffle partitions (the groups of
   * series forecast as one task); 0 keeps four per core. Adaptive execution may not merge
   * partitions: they are small in bytes but heavy in CPU.
   */
  static SparkSession open(Optional<String> master, String name, int partitions) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(name)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.adaptive.coalescePartitions.enabled", "false");
    master.ifPresent(b::master);
    if (master.isEmpty() && System.getProperty("spark.master") == null) {
      b.master("local[2]");
    }
    SparkSession s = b.getOrCreate();
    int cores = s.sparkContext().defaultParallelism();
    s.conf()
        .set(
            "spark.sql.shuffle.partitions",
            String.valueOf(partitions > 0 ? partitions : 4 * cores));
    return s;
  }
}
