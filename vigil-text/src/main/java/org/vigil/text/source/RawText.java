package org.vigil.text.source;

import java.time.LocalDate;

/**
 * One text as read from a file, before names are removed and anything is stored.
 *
 * @param origin where it came from ("file.jsonl line 3"), for messages
 * @param published publication date, or null when the input gave none
 */
public record RawText(
    String origin, String title, String text, String source, String url, LocalDate published) {}
