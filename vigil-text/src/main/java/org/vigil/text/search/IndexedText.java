package org.vigil.text.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the search index holds of one stored text (names already removed).
 *
 * @param id store id
 * @param language ISO 639-1 code; "en" and "ru" get their Lucene analysers, others a plain one
 */
public record IndexedText(
    long id,
    String language,
    String title,
    String text,
    LocalDate published,
    String source,
    Set<String> domains,
    Set<String> states,
    Set<String> categories,
    String owner,
    String classification,
    Set<String> sharedWith) {}
