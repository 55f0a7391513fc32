package org.vigil.app.report;

import java.time.Instant;

/**
 * A report that was made: what, for whom, when, how long it took. Only metadata, never content.
 *
 * @param area area code
 * @param period report period, e.g. 2026-10
 * @param language en or ru
 * @param format pdf, html or docx
 * @param user who asked
 * @param organisation the user's organisation
 * @param at when it was made
 * @param millis how long assembling and rendering took
 */
public record ReportRecord(
    String area,
    String period,
    String language,
    String format,
    String user,
    String organisation,
    Instant at,
    long millis) {}
