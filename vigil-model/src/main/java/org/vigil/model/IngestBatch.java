package org.vigil.model;

import java.time.Instant;

/**
 * One ingest: who loaded which file when. Its id is the vintage of the observations it added.
 *
 * @param id store id (0 before it is stored)
 * @param user who loaded it
 * @param organisation on whose behalf
 * @param at when
 * @param sourceFile file name as given
 * @param sha256 hex SHA-256 of the file's bytes
 * @param format input format (long-csv, owid, sdmx-csv, json)
 * @param rowsRead data rows read
 * @param rowsAdded observations added (new or revised values)
 * @param rowsRejected rows rejected (only when good rows were kept)
 */
public record IngestBatch(
    long id,
    String user,
    String organisation,
    Instant at,
    String sourceFile,
    String sha256,
    String format,
    int rowsRead,
    int rowsAdded,
    int rowsRejected) {}
