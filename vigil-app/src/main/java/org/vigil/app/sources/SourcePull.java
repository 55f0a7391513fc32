package org.vigil.app.sources;

import java.util.List;
import org.vigil.app.ingest.IngestResult;

/**
 * What one pull did.
 *
 * @param source the source pulled
 * @param url the request (the first page's address)
 * @param records records the source returned (rows, or events before counting)
 * @param pages pages fetched
 * @param result the ingest of what was returned: its batch (id 0 when nothing was new), rows read
 *     and added
 * @param indicatorsCreated Vigil indicators this pull defined (from the mapping) because the store
 *     did not know them yet
 */
public record SourcePull(
    SourceSpec source,
    String url,
    int records,
    int pages,
    IngestResult result,
    List<String> indicatorsCreated) {

  public SourcePull {
    indicatorsCreated = List.copyOf(indicatorsCreated);
  }

  /** Observations added (new values or revisions); 0 when the source had nothing new. */
  public int rowsAdded() {
    return result.alreadyLoaded() ? 0 : result.batch().rowsAdded();
  }

  /** The stored batch's id, or 0 when nothing new was stored. */
  public long batchId() {
    return rowsAdded() == 0 ? 0 : result.batch().id();
  }
}
