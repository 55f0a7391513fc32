package org.vigil.text;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.model.ThreatDomain;

/**
 * What the engine found in one text. Every finding carries a confidence in [0, 1] and the span
 * ({@code start}, {@code end} character offsets) of the text it came from. Offsets refer to the
 * text after person names were removed ({@link #text()}). No person names appear anywhere.
 *
 * @param language detected language
 * @param text the text with person names replaced by a marker
 * @param domains threat domains, most confident first
 * @param places states, regions and cities named
 * @param dates absolute and relative dates
 * @param quantities numbers with units
 * @param programmes mentions of registered programmes
 * @param events events coded to PLOVER
 */
public record Extraction(
    Language language,
    String text,
    List<DomainFinding> domains,
    List<PlaceFinding> places,
    List<DateFinding> dates,
    List<QuantityFinding> quantities,
    List<ProgrammeFinding> programmes,
    List<EventFinding> events) {
  public Extraction {
    domains = List.copyOf(domains);
    places = List.copyOf(places);
    dates = List.copyOf(dates);
    quantities = List.copyOf(quantities);
    programmes = List.copyOf(programmes);
    events = List.copyOf(events);
  }

  /** A threat domain with the phrases that point to it. */
  public record DomainFinding(ThreatDomain domain, double confidence, List<Span> evidence) {}

  /** A place named in the text. */
  public record PlaceFinding(Place place, double confidence, String surface, int start, int end) {}

  /** A date; {@code relative} when it was computed from the published date ("yesterday"). */
  public record DateFinding(
      LocalDate date, boolean relative, double confidence, String surface, int start, int end) {}

  /** A number with its unit ("4.5 tonnes", "12 percent"); unit is a canonical name. */
  public record QuantityFinding(
      double value, String unit, double confidence, String surface, int start, int end) {}

  /** A registered programme named in the text, by its code. */
  public record ProgrammeFinding(
      String code, double confidence, String surface, int start, int end) {}

  /**
   * An event coded to PLOVER.
   *
   * @param category PLOVER event category (AGREE, ..., ASSAULT)
   * @param mode PLOVER mode, or empty
   * @param contexts PLOVER contexts
   * @param sourceTypes actor types of the source (GOV, MIL, COP, REB, ...), never names
   * @param targetTypes actor types of the target
   * @param sourceCountries ISO3 codes on the source side
   * @param targetCountries ISO3 codes on the target side
   * @param trigger the words that express the event
   */
  public record EventFinding(
      String category,
      String mode,
      List<String> contexts,
      List<String> sourceTypes,
      List<String> targetTypes,
      List<String> sourceCountries,
      List<String> targetCountries,
      double confidence,
      String trigger,
      int start,
      int end) {
    /** Source and target countries together. */
    public Set<String> countries() {
      Set<String> s = new LinkedHashSet<>(sourceCountries);
      s.addAll(targetCountries);
      return s;
    }
  }

  /** A stretch of text. */
  public record Span(int start, int end, String surface) {}

  /** Detected language; {@code analysed} is true for English and Russian. */
  public record Language(String code, boolean analysed, double confidence) {}

  /** The ISO3 codes of the states named (regions and cities count for their state). */
  public Set<String> states() {
    Set<String> s = new LinkedHashSet<>();
    for (PlaceFinding p : places) {
      s.add(p.place().iso3());
    }
    return s;
  }

  /** The domains found, in order of confidence. */
  public List<ThreatDomain> domainList() {
    return domains.stream().map(DomainFinding::domain).toList();
  }
}
