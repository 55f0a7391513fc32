package org.vigil.app.ingest;

/**
 * Progress of one ingest, for a progress bar or log lines. Called on the ingesting thread. Stages:
 * "reading" (done and total in bytes; total is -1 when unknown), then "writing" (0 of 1, then 1 of
 * 1).
 */
@FunctionalInterface
public interface IngestProgress {
  /** Reports nothing. */
  IngestProgress NONE = (stage, done, total) -> {};

  void update(String stage, long done, long total);
}
