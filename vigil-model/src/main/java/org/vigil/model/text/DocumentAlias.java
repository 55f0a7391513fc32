package org.vigil.model.text;

import java.time.LocalDate;

/**
 * Another source of a stored text (a near-duplicate grouped with it instead of stored twice).
 *
 * @param documentId the stored document's id, or 0 when it is {@code draftIndex} of the same call
 * @param draftIndex index into the drafts stored by the same call (when documentId is 0)
 * @param source publisher of the near-duplicate
 * @param url its address
 * @param published its publication date
 * @param contentHash hash of its own text (so that a re-ingest finds it)
 */
public record DocumentAlias(
    long documentId,
    int draftIndex,
    String source,
    String url,
    LocalDate published,
    String contentHash) {}
