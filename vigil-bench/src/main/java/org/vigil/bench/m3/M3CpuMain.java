package org.vigil.bench.m3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.forecast.ForecastSpec;

/**
 * The timed child of {@code bench m3 --r}: {@code M3CpuMain SAMPLE_FILE methods threads} reads the
 * sample the parent wrote (one series a line, as the Rscript processes get theirs; see {@link
 * #line}), forecasts it and prints its own process CPU seconds as the last line.
 */
public final class M3CpuMain {
  private M3CpuMain() {}

  public static void main(String[] args) throws Exception {
    List<M3Series> series = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        series.add(parse(line));
      }
    }
    M3Benchmark.run(
        series, M3Benchmark.parseMethods(args[1]), Integer.parseInt(args[2]), ForecastSpec.DEFAULT);
    System.out.println(ProcessCpu.line(ProcessCpu.self()));
  }

  /**
   * One series as a line: {@code id,category,period,startYear,startPeriod,h,v1,...,vn} (the
   * training values; the test values are not written, the child needs only their number).
   */
  static String line(M3Series s) {
    StringBuilder sb = new StringBuilder(s.id());
    sb.append(',').append(s.category()).append(',').append(s.period());
    sb.append(',').append(s.startYear()).append(',').append(s.startPeriod());
    sb.append(',').append(s.horizon());
    for (double v : s.train()) {
      sb.append(',').append(v);
    }
    return sb.toString();
  }

  static M3Series parse(String line) {
    String[] f = line.split(",");
    double[] train = new double[f.length - 6];
    for (int i = 0; i < train.length; i++) {
      train[i] = Double.parseDouble(f[i + 6]);
    }
    double[] test = new double[Integer.parseInt(f[5])];
    Arrays.fill(test, Double.NaN);
    return new M3Series(
        f[0],
        f[1],
        Integer.parseInt(f[2]),
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        train,
        test);
  }
}
