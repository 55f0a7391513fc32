package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where library logs go (slf4j-simple, configured by system properties before the first logger is
 * created): quiet by default, so a command prints its result and nothing else; warnings and errors
 * go to a log file. {@code -v} shows INFO on stderr, {@code -vv} DEBUG.
 */
final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /** How many -v flags the arguments carry ({@code -v}, {@code -vv}, {@code --verbose}). */
  static int verbosity(String[] args) {
    int n = 0;
    for (String a : args) {
      if ("--".equals(a)) {
        break;
      }
      if ("--verbose".equals(a)) {
        n++;
      } else if (a.matches("-v+")) {
        n += a.length() - 1;
      }
    }
    return n;
  }

  /** The log file: VIGIL_LOG when set, else vigil.log in the temporary directory. */
  static Path logFile(String env) {
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("java.io.tmpdir"), "vigil.log");
  }

  /** Sets the slf4j-simple properties for these arguments; call before anything logs. */
  static void configure(String[] args, String envLogFile) {
    int v = verbosity(args);
    String level = v == 0 ? "warn" : v == 1 ? "info" : "debug";
    setIfAbsent("defaultLogLevel", level);
    setIfAbsent("showDateTime", "true");
    setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    if (v == 0) {
      Path file = logFile(envLogFile);
      setIfAbsent("logFile", writable(file) ? file.toString() : "System.err");
    } else {
      setIfAbsent("logFile", "System.err");
    }
  }

  private static boolean writable(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir != null
        && Files.isDirectory(dir)
        && (!Files.exists(file) || Files.isWritable(file))
        && Files.isWritable(dir);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(PREFIX + key) == null) {
      System.setProperty(PREFIX + key, value);
    }
  }
}
