package org.vigil.analytics.risk;

import java.util.Collection;

/**
 * A state's composite risk: the mean of its domain scores at one period and horizon. The one place
 * that computes it (reports, API and CLI call this), so that every surface shows the same number.
 * The composite always says how many domains it covers. Thread-safe (stateless).
 *
 * @param score mean of the domain scores that have a value (NaN when none has)
 * @param before mean of the domain scores one period earlier (score minus change; NaN when none)
 * @param domains domain scores with a value
 * @param domainsTotal domains of the methodology
 */
public record Composite(double score, double before, int domains, int domainsTotal) {

  /**
   * The composite of one state's domain scores.
   *
   * @param scores the state's domain scores at one period and horizon (NaN scores are ignored)
   * @param domainsTotal how many domains the methodology has
   */
  public static Composite of(Collection<RiskScore> scores, int domainsTotal) {
    double sum = 0;
    double sumBefore = 0;
    int n = 0;
    int nBefore = 0;
    for (RiskScore s : scores) {
      if (Double.isNaN(s.score())) {
        continue;
      }
      sum += s.score();
      n++;
      if (!Double.isNaN(s.change())) {
        sumBefore += s.score() - s.change();
        nBefore++;
      }
    }
    return new Composite(
        n == 0 ? Double.NaN : sum / n,
        nBefore == 0 ? Double.NaN : sumBefore / nBefore,
        n,
        Math.max(domainsTotal, n));
  }

  /** Change since the period before: score minus before (NaN when either is missing). */
  public double change() {
    return score - before;
  }

  /** "9 of 11 domains". */
  public String coverage() {
    return domains + " of " + domainsTotal + " domains";
  }
}
