package org.vigil.model.text;

import java.util.Set;
import org.vigil.model.Document;

/**
 * A document as the text pipeline stores it: the document (title and text with person names already
 * removed), its fingerprints and what was extracted from it.
 *
 * @param document the document (id 0 before it is stored)
 * @param contentHash SHA-256 (hex) of the normalised text: the same text is never stored twice
 * @param simhash 64-bit SimHash of the text's word shingles, for near-duplicates
 * @param analysed true when the language was analysed (English, Russian)
 * @param categories PLOVER event categories coded in the text
 * @param extractionJson the extraction (spans, confidences) as JSON
 * @param sources how many sources carried this text (1 plus grouped near-duplicates)
 */
public record TextDocument(
    Document document,
    String contentHash,
    long simhash,
    boolean analysed,
    Set<String> categories,
    String extractionJson,
    int sources) {
  public TextDocument {
    if (document == null || contentHash == null || contentHash.isEmpty()) {
      throw new IllegalArgumentException("A text document needs a document and a content hash");
    }
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    extractionJson = extractionJson == null ? "{}" : extractionJson;
  }

  public long id() {
    return document.id();
  }
}
