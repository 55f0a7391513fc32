package org.vigil.bench.m3;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an M3 benchmark run does.
 *
 * @param data folder with series.csv, values.csv and optionally published_forecasts.csv
 * @param methods our method names (see {@link M3Benchmark#METHODS})
 * @param sample number of series to use, evenly spread over the file; 0 for all
 * @param threads worker threads
 * @param out JSON output file
 * @param forecasts CSV output of every forecast (method,series,step,value)
 * @param runR also run R's forecast package on the same series
 * @param runJdemetra also run JDemetra+'s TRAMO automatic ARIMA
 */
public record M3Options(
    Path data,
    List<String> methods,
    int sample,
    int threads,
    Optional<Path> out,
    Optional<Path> forecasts,
    boolean runR,
    boolean runJdemetra) {

  public M3Options {
    if (sample < 0) {
      throw new IllegalArgumentException("--sample must be >= 0 (0 = all series), found " + sample);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, found " + threads);
    }
    methods = List.copyOf(methods);
  }
}
