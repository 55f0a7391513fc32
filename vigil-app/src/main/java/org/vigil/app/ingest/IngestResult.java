package org.vigil.app.ingest;

import java.util.Optional;
import org.vigil.ingest.ReadResult;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;

/**
 * What an ingest did.
 *
 * @param batch the stored batch (id 0 and rowsAdded 0 when nothing new was added)
 * @param read the reader's result: observations, every rejected and skipped row
 * @param sha256 hex SHA-256 of the file's bytes
 * @param alreadyLoaded true when a batch with the same checksum was stored before for this owner,
 *     so nothing was written
 * @param createdIndicator the indicator this ingest created, if any
 * @param unchanged observations read that were not stored because the owner's series already holds
 *     them: the same value and flags as its latest vintage (or, from a file with vintages, as the
 *     vintage it names)
 */
public record IngestResult(
    IngestBatch batch,
    ReadResult read,
    String sha256,
    boolean alreadyLoaded,
    Optional<Indicator> createdIndicator,
    int unchanged) {}
