package org.vigil.app.sources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One public source as the catalogue describes it. Immutable.
 *
 * @param name the name used on the command line ({@code worldbank-wdi})
 * @param kind which connector reads it
 * @param baseUrl the API's base address (tests point it at a local server)
 * @param dataset what to ask for: the OWID grapher slug, the UCDP resource ({@code
 *     gedevents/25.1}), the SDMX {@code flow/key}; unused for the World Bank
 * @param areas the Vigil areas (ISO 3166-1 alpha-3) to ask for
 * @param licence the licence the data is published under, stored with every batch
 * @param citation how to cite the source, stored with every batch
 * @param indicators the source's codes mapped to Vigil indicators
 * @param areaCodes the source's own area codes mapped to Vigil areas (UCDP's Gleditsch-Ward
 *     numbers); a source whose codes are ISO alpha-3 or alpha-2 needs none
 * @param areaDimension SDMX: the column holding the area (REF_AREA unless given)
 * @param formatParameter SDMX: a {@code format=} query value some endpoints need (Eurostat's
 *     "SDMX-CSV"), empty when the Accept header suffices
 * @param tokenVariable the environment variable holding an access token, sent as the source asks
 *     (UCDP: {@code x-ucdp-access-token}); empty when none is needed
 */
public record SourceSpec(
    String name,
    SourceKind kind,
    String baseUrl,
    String dataset,
    List<String> areas,
    String licence,
    String citation,
    String descriptionEn,
    String descriptionRu,
    List<IndicatorMapping> indicators,
    Map<String, String> areaCodes,
    String areaDimension,
    String formatParameter,
    String tokenVariable) {

  public SourceSpec {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException(
          "A source name is lower-case letters, digits and '-', found '" + name + "'");
    }
    if (kind == null || baseUrl == null || !baseUrl.matches("https?://.+")) {
      throw new IllegalArgumentException(
          "Source " + name + " needs a connector and an http(s) baseUrl, found '" + baseUrl + "'");
    }
    if (licence == null || licence.isBlank() || citation == null || citation.isBlank()) {
      throw new IllegalArgumentException(
          "Source " + name + " needs a licence and a citation: both are stored with its data");
    }
    if (indicators == null || indicators.isEmpty()) {
      throw new IllegalArgumentException("Source " + name + " maps no indicator");
    }
    if ((kind == SourceKind.OWID || kind == SourceKind.SDMX) && indicators.size() != 1) {
      throw new IllegalArgumentException(
          "Source "
              + name
              + ": an "
              + kind.id()
              + " source maps exactly one indicator, found "
              + indicators.size()
              + "; define one source per indicator");
    }
    if (areas == null || areas.isEmpty()) {
      throw new IllegalArgumentException("Source " + name + " names no area to ask for");
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
    dataset = dataset == null ? "" : dataset.trim();
    areas = List.copyOf(areas);
    indicators = List.copyOf(indicators);
    areaCodes = areaCodes == null ? Map.of() : Map.copyOf(areaCodes);
    descriptionEn = descriptionEn == null ? "" : descriptionEn;
    descriptionRu =
        descriptionRu == null || descriptionRu.isBlank() ? descriptionEn : descriptionRu;
    areaDimension = areaDimension == null || areaDimension.isBlank() ? "REF_AREA" : areaDimension;
    formatParameter = formatParameter == null ? "" : formatParameter.trim();
    tokenVariable = tokenVariable == null ? "" : tokenVariable.trim();
  }

  /** The same source read from another address (a mirror, or a local server in tests). */
  public SourceSpec withBaseUrl(String url) {
    return new SourceSpec(
        name,
        kind,
        url,
        dataset,
        areas,
        licence,
        citation,
        descriptionEn,
        descriptionRu,
        indicators,
        areaCodes,
        areaDimension,
        formatParameter,
        tokenVariable);
  }

  /** The source's code for a Vigil area: the mapped code when the source has its own, else it. */
  String sourceArea(String area) {
    return areaCodes.entrySet().stream()
        .filter(e -> e.getValue().equals(area))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(area);
  }

  /** The Vigil area for a code the source uses, if the mapping (or identity) gives one. */
  Optional<String> vigilArea(String sourceCode) {
    String mapped = areaCodes.get(sourceCode);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    return areaCodes.isEmpty() ? Optional.of(sourceCode) : Optional.empty();
  }

  /** The description in the given language ("ru" for Russian, else English). */
  public String description(String lang) {
    return "ru".equals(lang) ? descriptionRu : descriptionEn;
  }
}
