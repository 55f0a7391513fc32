package org.vigil.text.search;

import java.time.LocalDate;

/**
 * A search: words (empty: every text, newest first) and filters (empty or null: no filter).
 *
 * @param from first publication date, or null
 * @param to last publication date, or null
 */
public record TextQuery(
    String text,
    String state,
    String domain,
    String category,
    String source,
    LocalDate from,
    LocalDate to) {
  public TextQuery {
    text = text == null ? "" : text.strip();
    state = state == null ? "" : state.strip();
    domain = domain == null ? "" : domain.strip();
    category = category == null ? "" : category.strip();
    source = source == null ? "" : source.strip();
  }

  public static TextQuery of(String text) {
    return new TextQuery(text, "", "", "", "", null, null);
  }
}
