package org.vigil.bench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a long CSV ({@code indicator,area,period,value,flags,source}) of a given number of rows:
 * {@link #INDICATORS} monthly indicators times {@link #AREAS} areas times as many months from
 * 1900-01 as needed. Values are a seeded random walk with two decimals; one row in 20 is flagged
 * provisional. Same rows and seed, same file. Shared by {@code vigil bench ingest} and the kill
 * test ({@code BatchKillTest}).
 */
public final class LongCsvGenerator {
  public static final int INDICATORS = 40;
  public static final int AREAS = 50;

  private LongCsvGenerator() {}

  public static List<String> indicatorCodes() {
    return IntStream.range(0, INDICATORS)
        .mapToObj(i -> String.format(Locale.ROOT, "BENCH_%02d", i))
        .toList();
  }

  public static List<String> areaCodes() {
    return IntStream.range(0, AREAS).mapToObj(i -> String.format(Locale.ROOT, "B%02d", i)).toList();
  }

  /** Months needed so that indicators x areas x months >= rows. */
  public static int months(long rows) {
    return (int) Math.max(1, (rows + INDICATORS * AREAS - 1) / (INDICATORS * AREAS));
  }

  public static void write(Path file, long rows, long seed) throws IOException {
    int months = months(rows);
    if (1900 + months / 12 > 9999) {
      throw new IllegalArgumentException(
          "--rows " + rows + " needs periods beyond year 9999; expected at most 399,960,000");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> indicators = indicatorCodes();
    List<String> areas = areaCodes();
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("indicator,area,period,value,flags,source\n");
      StringBuilder line = new StringBuilder(64);
      for (String indicator : indicators) {
        for (String area : areas) {
          double level = 100 + random.nextDouble() * 900;
          for (int m = 0; m < months && written < rows; m++, written++) {
            level = Math.max(0, level + random.nextGaussian() * 5);
            int year = 1900 + m / 12;
            int month = m % 12 + 1;
            line.setLength(0);
            line.append(indicator).append(',').append(area).append(',').append(year).append('-');
            if (month < 10) {
              line.append('0');
            }
            line.append(month).append(',');
            line.append(Math.round(level * 100) / 100.0).append(',');
            line.append(random.nextInt(20) == 0 ? "P" : "").append(",bench\n");
            w.append(line);
          }
        }
      }
    }
  }
}
