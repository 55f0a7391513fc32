package org.vigil.model;

import java.time.LocalDate;
import java.util.Set;

/**
 * An open-source report and what was extracted from it.
 *
 * @param id store id (0 before it is stored)
 * @param source publisher
 * @param url address, or empty
 * @param language ISO 639-1 code ("en", "ru")
 * @param published publication date
 * @param title title
 * @param text full text
 * @param domains threat domains it concerns
 * @param areas area codes it concerns
 * @param ownership owner and classification
 */
public record Document(
    long id,
    String source,
    String url,
    String language,
    LocalDate published,
    String title,
    String text,
    Set<ThreatDomain> domains,
    Set<String> areas,
    Ownership ownership) {
  public Document {
    if (published == null || title == null || ownership == null) {
      throw new IllegalArgumentException("Document needs a publication date, title and ownership");
    }
    source = source == null ? "" : source;
    url = url == null ? "" : url;
    language = language == null ? "en" : language;
    text = text == null ? "" : text;
    domains = domains == null ? Set.of() : Set.copyOf(domains);
    areas = areas == null ? Set.of() : Set.copyOf(areas);
  }

  /** True when the source names itself synthetic ({@link DemoSource#synthetic}). */
  public boolean synthetic() {
    return DemoSource.synthetic(source);
  }
}
