package org.vigil.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Our World in Data entity names: the ones that are not states (regions, income groups, historical
 * states, parts of a state), which are skipped, and the state names OWID spells differently from
 * Java's locale data, which are mapped to ISO 3166-1 alpha-3.
 */
final class OwidEntities {
  private static final Set<String> AGGREGATES =
      Set.of(
          "world",
          "africa",
          "asia",
          "europe",
          "oceania",
          "north america",
          "south america",
          "latin america and caribbean",
          "central america",
          "caribbean",
          "americas",
          "central asia",
          "eastern europe",
          "western europe",
          "northern europe",
          "southern europe",
          "middle east",
          "middle east and north africa",
          "sub saharan africa",
          "south asia",
          "east asia and pacific",
          "europe and central asia",
          "asia and pacific",
          "european union",
          "european union 27",
          "high income",
          "low income",
          "middle income",
          "lower middle income",
          "upper middle income",
          "high sdi",
          "high middle sdi",
          "middle sdi",
          "low middle sdi",
          "low sdi",
          "commonwealth of independent states");
  private static final Set<String> NOT_STATES =
      Set.of(
          "england",
          "scotland",
          "wales",
          "northern ireland",
          "ussr",
          "yugoslavia",
          "czechoslovakia",
          "serbia and montenegro",
          "east germany",
          "west germany",
          "kosovo",
          "somaliland",
          "northern cyprus",
          "england and wales",
          "kashmir",
          "israel and palestinian territories");
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("czech republic", "CZE"),
          Map.entry("democratic republic of congo", "COD"),
          Map.entry("democratic republic of the congo", "COD"),
          Map.entry("congo", "COG"),
          Map.entry("republic of congo", "COG"),
          Map.entry("cote d ivoire", "CIV"),
          Map.entry("swaziland", "SWZ"),
          Map.entry("eswatini", "SWZ"),
          Map.entry("macedonia", "MKD"),
          Map.entry("north macedonia", "MKD"),
          Map.entry("micronesia country", "FSM"),
          Map.entry("timor", "TLS"),
          Map.entry("east timor", "TLS"),
          Map.entry("palestine", "PSE"),
          Map.entry("myanmar", "MMR"),
          Map.entry("burma", "MMR"),
          Map.entry("cape verde", "CPV"),
          Map.entry("united states virgin islands", "VIR"),
          Map.entry("vatican", "VAT"),
          Map.entry("hong kong", "HKG"),
          Map.entry("macao", "MAC"),
          Map.entry("saint vincent and grenadines", "VCT"),
          Map.entry("saint kitts and nevis", "KNA"),
          Map.entry("sao tome and principe", "STP"),
          Map.entry("turkey", "TUR"),
          Map.entry("turkiye", "TUR"),
          Map.entry("gambia", "GMB"),
          Map.entry("bahamas", "BHS"),
          Map.entry("brunei", "BRN"),
          Map.entry("laos", "LAO"),
          Map.entry("syria", "SYR"),
          Map.entry("russia", "RUS"),
          Map.entry("russian federation", "RUS"),
          Map.entry("moldova", "MDA"),
          Map.entry("republic of moldova", "MDA"),
          Map.entry("kyrgyz republic", "KGZ"),
          Map.entry("bosnia and herzegovina", "BIH"),
          Map.entry("trinidad and tobago", "TTO"),
          Map.entry("antigua and barbuda", "ATG"),
          Map.entry("falkland islands", "FLK"),
          Map.entry("curacao", "CUW"),
          Map.entry("reunion", "REU"),
          Map.entry("faeroe islands", "FRO"),
          Map.entry("sint maarten dutch part", "SXM"));

  private OwidEntities() {}

  /** Why this entity is not loaded, when it is a region, a group or not a current state. */
  static Optional<String> notAState(String entity) {
    String n = ReferenceData.normaliseName(entity);
    if (AGGREGATES.contains(n)
        || n.endsWith(" income")
        || n.endsWith(" sdi")
        || n.endsWith(" members")
        || entity.toLowerCase(Locale.ROOT).contains("countries")) {
      return Optional.of("a region or group aggregate, not a state");
    }
    String t = entity.trim();
    if (t.matches("OWID_[A-Z0-9]+")) {
      return Optional.of("OWID's own code " + t + " (a region, or no ISO 3166-1 code)");
    }
    if (t.contains(": ")) {
      return Optional.of("a part of a state");
    }
    if (NOT_STATES.contains(n)) {
      return Optional.of("not a current ISO 3166-1 state (a part of a state or a former state)");
    }
    return Optional.empty();
  }

  /**
   * For a name that matched no state: a trailing qualifier in parentheses ("Europe (WB)", "Asia
   * (UN)") marks one of OWID's regional groupings.
   */
  static Optional<String> qualifiedRegion(String entity) {
    String t = entity.trim();
    return t.endsWith(")") && t.contains("(")
        ? Optional.of("a region or group aggregate, not a state")
        : Optional.empty();
  }

  /** The alpha-3 code for an OWID spelling that differs from Java's locale names. */
  static Optional<String> alias(String entity) {
    return Optional.ofNullable(ALIASES.get(ReferenceData.normaliseName(entity)));
  }
}
