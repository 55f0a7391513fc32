package org.vigil.model.run;

import org.vigil.model.Ownership;

/**
 * One stored result of an analytic run: a forecast or trend of a series, a risk score, an error.
 * The payload is JSON written by the run; the ownership is the subject's owner and the most
 * restrictive classification of the inputs, so the store's read rule applies as to any record.
 *
 * @param runId the run that stored this version (0 before it is stored)
 * @param kind FORECAST, TREND, RISK, ERROR, ...
 * @param subject unique within the kind, e.g. "KAZ|TERRORISM|2026-11|0" or "POPULATION|KAZ"
 * @param area the area it is about
 * @param domain the threat domain it belongs to (used by sharing agreements), or "" for none
 * @param period the period it is about, or ""
 * @param horizon months ahead (0 for now)
 * @param payload the result as JSON
 * @param ownership owner and classification
 */
public record AnalyticResult(
    long runId,
    String kind,
    String subject,
    String area,
    String domain,
    String period,
    int horizon,
    String payload,
    Ownership ownership) {}
