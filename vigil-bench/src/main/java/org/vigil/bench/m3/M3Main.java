package org.vigil.bench.m3;

import java.nio.file.Path;
import java.util.Optional;

/** Developer entry point: {@code M3Main DATA_DIR methods sample threads}. */
public final class M3Main {
  private M3Main() {}

  public static void main(String[] args) throws Exception {
    M3Harness.run(
        new M3Options(
            Path.of(args[0]),
            M3Benchmark.parseMethods(args.length > 1 ? args[1] : "ets"),
            args.length > 2 ? Integer.parseInt(args[2]) : 0,
            args.length > 3 ? Integer.parseInt(args[3]) : 2,
            Optional.empty(),
            args.length > 4 ? Optional.of(Path.of(args[4])) : Optional.empty(),
            false,
            false),
        System.out);
  }
}
