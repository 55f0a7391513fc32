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
 * @param licence the licence the data was published under, for a pull from a public source ("CC BY
 *     4.0"); empty for a file loaded by hand
 * @param citation how to cite the source of a pulled batch; empty for a file loaded by hand
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
    int rowsRejected,
    String licence,
    String citation) {

  public IngestBatch {
    licence = licence == null ? "" : licence;
    citation = citation == null ? "" : citation;
  }

  /** A batch loaded by hand: no licence or citation recorded. */
  public IngestBatch(
      long id,
      String user,
      String organisation,
      Instant at,
      String sourceFile,
      String sha256,
      String format,
      int rowsRead,
      int rowsAdded,
      int rowsRejected) {
    this(
        id,
        user,
        organisation,
        at,
        sourceFile,
        sha256,
        format,
        rowsRead,
        rowsAdded,
        rowsRejected,
        "",
        "");
  }

  /** This batch with the licence and citation of the public source it was pulled from. */
  public IngestBatch withProvenance(String newLicence, String newCitation) {
    return new IngestBatch(
        id,
        user,
        organisation,
        at,
        sourceFile,
        sha256,
        format,
        rowsRead,
        rowsAdded,
        rowsRejected,
        newLicence,
        newCitation);
  }
}
