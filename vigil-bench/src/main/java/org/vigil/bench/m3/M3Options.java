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
 * @param validation score on the last h training values of every series instead of its test period
 *     (the methods are fitted on the values before them; the test periods are not read)
 * @param origin in validation mode, how many horizons back the scored window ends (1: the last h
 *     training values; 2: the h values before those, everything after them unread)
 */
public record M3Options(
    Path data,
    List<String> methods,
    int sample,
    int threads,
    Optional<Path> out,
    Optional<Path> forecasts,
    boolean runR,
    boolean runJdemetra,
    boolean validation,
    int origin) {

  public M3Options {
    if (origin < 1 || (origin > 1 && !validation)) {
      throw new IllegalArgumentException(
          "--origin must be 1 or more and needs --validation (it counts validation windows back"
              + " from the end of the training values), found "
              + origin
              + (validation ? "" : " without --validation"));
    }
    if (sample < 0) {
      throw new IllegalArgumentException("--sample must be >= 0 (0 = all series), found " + sample);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, found " + threads);
    }
    if (validation && runR) {
      throw new IllegalArgumentException(
          "--validation and --r cannot be combined: the CPU comparison with R runs on the whole"
              + " training values; run them separately");
    }
    methods = List.copyOf(methods);
  }

  /** The options without the validation mode (scored on M3's test periods). */
  public M3Options(
      Path data,
      List<String> methods,
      int sample,
      int threads,
      Optional<Path> out,
      Optional<Path> forecasts,
      boolean runR,
      boolean runJdemetra) {
    this(data, methods, sample, threads, out, forecasts, runR, runJdemetra, false, 1);
  }

  /** The options at validation origin 1 (or on M3's test periods). */
  public M3Options(
      Path data,
      List<String> methods,
      int sample,
      int threads,
      Optional<Path> out,
      Optional<Path> forecasts,
      boolean runR,
      boolean runJdemetra,
      boolean validation) {
    this(data, methods, sample, threads, out, forecasts, runR, runJdemetra, validation, 1);
  }
}
