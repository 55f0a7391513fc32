package org.vigil.app.ingest;

/**
 * Progress of one ingest, for a progress bar or log lines. Called on the ingesting thread. Stages:
 * "reading" (done and total in bytes; total is -1 when unknown), then "writing" (0 of 1: checking
 * what is new), "storing" (new values stored so far of all new values: 0 once the batch is claimed,
 * then after each committed chunk; not reported when nothing is new), and "writing" 1 of 1 at the
 * end.
 */
@FunctionalInterface
public interface IngestProgress {
  /** Reports nothing. */
  IngestProgress NONE = (stage, done, total) -> {};

  void update(String stage, long done, long total);
}
