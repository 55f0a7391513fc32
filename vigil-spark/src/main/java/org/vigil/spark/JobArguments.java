package org.vigil.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name value} arguments of a job's {@code main} (the job jar carries no CLI library:
 * it must stay small for spark-submit). Unknown names and missing values are refused naming the
 * argument and the names the job knows.
 */
final class JobArguments {
  private final Map<String, String> values = new LinkedHashMap<>();

  private JobArguments() {}

  static JobArguments parse(String[] args, Set<String> known, Set<String> flags) {
    JobArguments a = new JobArguments();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !(known.contains(name) || flags.contains(name))) {
        throw new JobInputException(
            "unknown argument '" + name + "': expected one of " + known + " or " + flags);
      }
      if (flags.contains(name)) {
        a.values.put(name, "true");
        continue;
      }
      if (i + 1 >= args.length) {
        throw new JobInputException(name + " needs a value, found the end of the arguments");
      }
      a.values.put(name, args[++i]);
    }
    return a;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String require(String name) {
    return get(name)
        .orElseThrow(() -> new JobInputException(name + " is required; give " + name + " VALUE"));
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback, int min, int max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim().replace("_", ""));
      if (n < min || n > max) {
        throw new JobInputException(name + " must be " + min + "-" + max + ", found " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new JobInputException(name + " expects a whole number, found '" + v + "'", e);
    }
  }

  long longValue(String name, long fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new JobInputException(name + " expects a whole number, found '" + v + "'", e);
    }
  }

  /** The batch spec from {@code --method --horizon --ets --backtest --min-length --max-fit}. */
  BatchSpec batchSpec() {
    BatchSpec b = BatchSpec.DEFAULT;
    try {
      b =
          new BatchSpec(
              get("--method", b.method()),
              integer("--horizon", b.horizon(), 1, 120),
              List.of(0.8, 0.95),
              longValue("--seed", b.seed()),
              get("--ets", b.etsModel()).toUpperCase(Locale.ROOT).replace("AD", "Ad"),
              flag("--non-negative"),
              flag("--counts"),
              integer("--backtest", 0, 0, 60),
              integer("--backtest-horizon", 6, 1, 120),
              integer("--min-length", b.minLength(), 1, 1_000_000),
              integer("--max-fit", b.maxFitLength(), 8, 10_000_000));
    } catch (IllegalArgumentException e) {
      throw new JobInputException(e.getMessage(), e);
    }
    return b;
  }

  static final Set<String> SPEC =
      Set.of(
          "--method",
          "--horizon",
          "--seed",
          "--ets",
          "--backtest",
          "--backtest-horizon",
          "--min-length",
          "--max-fit");
}
