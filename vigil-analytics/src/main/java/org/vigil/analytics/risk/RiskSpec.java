package org.vigil.analytics.risk;

/**
 * How {@link RiskEngine} runs its Monte Carlo. Same spec, same inputs: same result.
 *
 * @param draws number of Monte Carlo draws (0: no bands)
 * @param seed seed of the draws
 * @param weightSpread standard deviation of the log of the multiplicative weight perturbation (0.2:
 *     each weight varies by about +-20%)
 * @param band coverage of the score and rank intervals, in (0, 1)
 * @param threads worker threads for the draws (1 to run in the caller's thread)
 */
public record RiskSpec(int draws, long seed, double weightSpread, double band, int threads) {
  /** 1,000 draws, seed 42, weights +-20%, 90% bands, 2 threads. */
  public static final RiskSpec DEFAULT = new RiskSpec(1000, 42, 0.2, 0.9, 2);

  public RiskSpec {
    if (draws < 0 || draws > 1_000_000) {
      throw new IllegalArgumentException("Risk draws must be 0..1000000, found " + draws);
    }
    if (!(weightSpread >= 0) || !(band > 0 && band < 1) || threads < 1) {
      throw new IllegalArgumentException(
          "Risk spec needs weightSpread >= 0, band in (0, 1), threads >= 1; found "
              + weightSpread
              + ", "
              + band
              + ", "
              + threads);
    }
  }

  public RiskSpec withDraws(int n) {
    return new RiskSpec(n, seed, weightSpread, band, threads);
  }

  public RiskSpec withSeed(long s) {
    return new RiskSpec(draws, s, weightSpread, band, threads);
  }
}
