package org.vigil.analytics.risk;

/**
 * One leaf's part in a score.
 *
 * @param id leaf id
 * @param name leaf name
 * @param key input key (indicator code or score key)
 * @param value the raw input (after the per-population ratio), NaN when missing
 * @param score the leaf's 0-10 score, NaN when missing
 * @param contribution points of the domain score owed to this leaf (contributions sum to the score)
 * @param change change of the contribution since the reference snapshot (NaN when none)
 */
public record Driver(
    String id,
    String name,
    String key,
    double value,
    double score,
    double contribution,
    double change) {
  Driver withChange(double c) {
    return new Driver(id, name, key, value, score, contribution, c);
  }
}
