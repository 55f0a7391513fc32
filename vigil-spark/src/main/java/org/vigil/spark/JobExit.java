package org.vigil.spark;

import java.io.PrintStream;

/**
 * How a job's {@code run} ends: its own exit code when it finishes, 2 with one line on bad input
 * ({@link JobInputException}), 1 with the stack trace on anything else.
 */
final class JobExit {
  /** A job's body; returns its exit code. */
  interface Body {
    int run();
  }

  private JobExit() {}

  static int guard(PrintStream err, Body body) {
    try {
      return body.run();
    } catch (JobInputException e) {
      err.println("vigil-spark: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("vigil-spark: internal error: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }
}
