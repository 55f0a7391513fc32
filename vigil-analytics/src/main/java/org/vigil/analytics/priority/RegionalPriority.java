package org.vigil.analytics.priority;

/**
 * A domain's standing over the states the caller can read.
 *
 * @param rank 1 = most pressing domain for the region
 * @param domain threat domain
 * @param meanScore mean score over the included states
 * @param maxScore highest state score
 * @param worstArea the state with the highest score
 * @param statesIncluded how many states have a score
 * @param statesExpected how many states the region has
 */
public record RegionalPriority(
    int rank,
    String domain,
    double meanScore,
    double maxScore,
    String worstArea,
    int statesIncluded,
    int statesExpected) {}
