package org.vigil.bench.m3;

import java.util.HashMap;
import java.util.Map;

/**
 * The forecasts of one method on a set of series: points by series id, and (for our own methods)
 * 80% and 95% interval bounds, plus total CPU nanoseconds and the models chosen.
 */
public final class MethodForecasts {
  final String method;
  final boolean ours;
  final Map<String, double[]> points = new HashMap<>();
  final Map<String, double[][]> intervals = new HashMap<>();
  final Map<String, String> models = new HashMap<>();
  long cpuNanos;
  String note = "";

  public MethodForecasts(String method, boolean ours) {
    this.method = method;
    this.ours = ours;
  }

  public String method() {
    return method;
  }

  synchronized void put(
      String id, double[] p, double[][] lo80hi80lo95hi95, String model, long nanos) {
    points.put(id, p);
    if (lo80hi80lo95hi95 != null) {
      intervals.put(id, lo80hi80lo95hi95);
    }
    models.put(id, model);
    cpuNanos += nanos;
  }

  public synchronized double[] points(String id) {
    return points.get(id);
  }

  synchronized Map<String, String> models() {
    return models;
  }
}
