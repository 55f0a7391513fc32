package org.vigil.ingest;

import java.io.InputStream;

/**
 * Reads one file into observations. Implementations are pure (no database, no clock) and
 * thread-safe; obtain one from {@link IngestFormat#reader()}.
 */
public interface ObservationReader {
  /**
   * Reads the whole stream (UTF-8, with or without a byte-order mark). Never throws on bad input:
   * every problem becomes a {@link Rejection} with a line and a field. Does not close the stream
   * and may leave bytes after a fatal syntax error unread.
   *
   * @throws java.io.UncheckedIOException only when the stream itself fails to deliver bytes
   */
  ReadResult read(InputStream in, ReadSpec spec);
}
