package org.vigil.analytics.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed goalposts of a methodology (in the manner of INFORM): per indicator leaf, the winsorising
 * bounds and the min-max bounds after the transform. A state's score depends only on its own
 * inputs, the methodology and these goalposts: never on the reader, the horizon or the other states
 * of a request. Bounds stated in the methodology win; the others are derived once from every
 * state's observed data (see {@link #derive}) and stored with the methodology version.
 *
 * @param methodology methodology id
 * @param version methodology version
 * @param derivedFrom what the data-derived bounds were derived from, in words (e.g. "10 states'
 *     observations of 2016-01..2026-11, data as of 2026-11-30T00:00:00Z")
 * @param bounds per leaf, keyed by {@link #key(String, String)}
 * @param notes what the derivation found (leaves with no data or a single value)
 */
public record Goalposts(
    String methodology,
    String version,
    String derivedFrom,
    Map<String, Bound> bounds,
    List<String> notes) {

  public Goalposts {
    bounds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
    notes = List.copyOf(notes);
  }

  /**
   * One leaf's bounds on the transformed scale.
   *
   * @param clipLow winsorising lower bound (-Infinity for none)
   * @param clipHigh winsorising upper bound (+Infinity for none)
   * @param min value scored 0 (NaN when the leaf had no data)
   * @param max value scored 10 (NaN when the leaf had no data)
   */
  public record Bound(double clipLow, double clipHigh, double min, double max) {}

  /** The key of a leaf: domain and leaf id. */
  public static String key(String domain, String leafId) {
    return domain + "/" + leafId;
  }

  /**
   * Derives the goalposts from observed snapshots (horizon 0) of every state: per leaf the
   * transformed values are pooled over all states and periods given; winsorising quantiles and the
   * min and max come from that pool unless the methodology states them.
   */
  public static Goalposts derive(Methodology m, List<Snapshot> observed, String derivedFrom) {
    return RiskEngine.goalposts(m, observed, derivedFrom);
  }
}
