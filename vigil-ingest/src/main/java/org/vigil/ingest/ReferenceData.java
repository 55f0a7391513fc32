package org.vigil.ingest;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.AreaMatcher;
import org.vigil.model.Indicator;

/**
 * The indicators and areas that input is validated against, with lookups by code, by ISO alpha-2
 * code and by country name (English or Russian, ignoring case, accents and punctuation). Immutable
 * and thread-safe.
 */
public final class ReferenceData {
  private final Map<String, Indicator> indicators;
  private final Map<String, Area> areas;
  private final Map<String, String> byIso2;
  private final Map<String, String> byName;
  private final AreaMatcher matcher;

  private ReferenceData(Collection<Area> areas, Collection<Indicator> indicators) {
    Map<String, Indicator> ind = new LinkedHashMap<>();
    indicators.forEach(i -> ind.put(i.code(), i));
    Map<String, Area> ar = new LinkedHashMap<>();
    Map<String, String> iso2 = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Area a : areas) {
      ar.put(a.code(), a);
      if (!a.iso2().isEmpty()) {
        iso2.put(a.iso2().toUpperCase(Locale.ROOT), a.code());
      }
      if (a.kind() == AreaKind.COUNTRY) {
        names.putIfAbsent(normaliseName(a.nameEn()), a.code());
        names.putIfAbsent(normaliseName(a.nameRu()), a.code());
      }
    }
    this.indicators = Map.copyOf(ind);
    this.areas = Map.copyOf(ar);
    this.byIso2 = Map.copyOf(iso2);
    this.byName = Map.copyOf(names);
    this.matcher = AreaMatcher.of(areas);
  }

  public static ReferenceData of(Collection<Area> areas, Collection<Indicator> indicators) {
    return new ReferenceData(areas, indicators);
  }

  /** The same areas with one more indicator (used when ingest defines a new indicator). */
  public ReferenceData withIndicator(Indicator indicator) {
    Map<String, Indicator> ind = new LinkedHashMap<>(indicators);
    ind.put(indicator.code(), indicator);
    return new ReferenceData(areas.values(), ind.values());
  }

  public Optional<Indicator> indicator(String code) {
    return Optional.ofNullable(indicators.get(code));
  }

  public Optional<Area> area(String code) {
    return Optional.ofNullable(areas.get(code));
  }

  /** The alpha-3 code of the country with this ISO alpha-2 code. */
  public Optional<String> areaByIso2(String iso2) {
    return Optional.ofNullable(byIso2.get(iso2.toUpperCase(Locale.ROOT)));
  }

  /** The code of the country with this name (English or Russian; case, accents ignored). */
  public Optional<String> areaByName(String name) {
    return Optional.ofNullable(byName.get(normaliseName(name)));
  }

  /**
   * The code of the area this text names: a code, an ISO alpha-2 code, or an English or Russian
   * name (see {@link AreaMatcher}).
   */
  public Optional<String> areaByText(String text) {
    return matcher.find(text).map(Area::code);
  }

  /** The first area (in code order) directly inside {@code parent}, for examples in messages. */
  public Optional<String> firstChildOf(String parent) {
    return areas.values().stream()
        .filter(a -> a.parent().equals(parent))
        .map(Area::code)
        .sorted()
        .findFirst();
  }

  public int indicatorCount() {
    return indicators.size();
  }

  public int areaCount() {
    return areas.size();
  }

  /**
   * Lower case, accents removed, "&amp;" as "and", "St." as "saint", punctuation and "the" dropped,
   * so that "St. Vincent &amp; Grenadines" and "Saint Vincent and the Grenadines" meet.
   */
  static String normaliseName(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\bst\\.", "saint ");
    s = s.replaceAll("[^\\p{L}\\p{N}]+", " ");
    s = (" " + s + " ").replace(" the ", " ").trim().replaceAll(" +", " ");
    return s;
  }
}
