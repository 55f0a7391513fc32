package org.vigil.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The sources the demo generator writes on its documents, texts and events, each with the message
 * key of its label (so a Russian page does not print the English source string). A real source's
 * name is data and has no label. Also holds the one rule that decides whether a source is
 * synthetic.
 */
public enum DemoSource {
  /** The demo's corpus of open-source texts. */
  CORPUS("SYNTHETIC demo corpus", "source.demoCorpus"),
  /** The demo generator's series, events and documents. */
  GENERATOR("Vigil demo generator (synthetic, not real data)", "source.demoGenerator");

  private final String text;
  private final String labelKey;

  DemoSource(String text, String labelKey) {
    this.text = text;
    this.labelKey = labelKey;
  }

  /** The source string as stored. */
  public String text() {
    return text;
  }

  /** The message key of the source's label in every language ({@code source.demoCorpus}). */
  public String labelKey() {
    return labelKey;
  }

  /** The demo source stored as {@code source}, or empty for any other (a real source). */
  public static Optional<DemoSource> of(String source) {
    for (DemoSource s : values()) {
      if (s.text.equals(source)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * True when a source names itself synthetic (contains "SYNTHETIC" in any case): the rule by which
   * documents, texts and events from the demo generator, or any other generator that says so, are
   * marked synthetic in the API, the web UI and the series derived from texts.
   */
  public static boolean synthetic(String source) {
    return source != null && source.toUpperCase(Locale.ROOT).contains("SYNTHETIC");
  }
}
