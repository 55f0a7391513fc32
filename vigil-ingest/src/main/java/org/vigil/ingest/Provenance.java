package org.vigil.ingest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a batch's values come from: the licence they are published under and how to cite them. SDMX
 * messages carry it in the SDMX-ML header's {@code Source} and in SDMX-JSON's {@code meta.links}
 * ({@code rel} "license" and "cite-as"); SDMX-CSV has no place for it.
 *
 * @param licence the licence ("CC BY 4.0"), or empty when not known
 * @param citation the citation, or empty when not known
 */
public record Provenance(String licence, String citation) {
  /** No licence or citation known. */
  public static final Provenance NONE = new Provenance("", "");

  public Provenance {
    licence = licence == null ? "" : licence.strip();
    citation = citation == null ? "" : citation.strip();
  }

  public boolean isEmpty() {
    return licence.isEmpty() && citation.isEmpty();
  }

  /**
   * One provenance for values from several batches: each distinct licence and citation once, joined
   * by " | " in the order given.
   */
  public static Provenance merge(Collection<Provenance> all) {
    Set<String> licences = new LinkedHashSet<>();
    Set<String> citations = new LinkedHashSet<>();
    for (Provenance p : all) {
      if (!p.licence.isEmpty()) {
        licences.add(p.licence);
      }
      if (!p.citation.isEmpty()) {
        citations.add(p.citation);
      }
    }
    return new Provenance(String.join(" | ", licences), String.join(" | ", citations));
  }
}
