package org.vigil.text.search;

import java.util.List;
import java.util.Map;

/**
 * Ranked hits and facet counts over every match.
 *
 * @param total how many readable texts match
 * @param hits the requested page, best first
 * @param facets per facet (domain, state, category, language): value to count
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {
  /** Marks the start of a highlighted stretch in a snippet. */
  public static final char MARK_START = '\uE000';

  /** Marks the end of a highlighted stretch in a snippet. */
  public static final char MARK_END = '\uE001';

  /** One hit: the text's id, its score and a snippet with highlights between the marks. */
  public record Hit(long id, float score, String snippet) {}
}
