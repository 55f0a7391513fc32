package org.vigil.app.sources;

import java.util.Optional;
import org.vigil.ingest.IngestFormat;

/**
 * A source's data ready for the ingest path.
 *
 * @param url the request (the first page's address), recorded as the batch's source file
 * @param content the bytes to ingest, in {@code format}
 * @param format the ingest format of {@code content}
 * @param indicator OWID and SDMX: the Vigil indicator the values become
 * @param column OWID: the value column to read
 * @param sdmxAreaDimension SDMX: the area column
 * @param records records the source returned (rows, or events before counting)
 * @param pages pages fetched
 */
record Payload(
    String url,
    byte[] content,
    IngestFormat format,
    Optional<String> indicator,
    Optional<String> column,
    String sdmxAreaDimension,
    int records,
    int pages) {}
