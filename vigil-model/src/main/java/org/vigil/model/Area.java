package org.vigil.model;

/**
 * A country (ISO 3166-1 alpha-3), a grouping such as CIS, a river basin, or a state's region or
 * district (ISO 3166-2, for example {@code KZ-AKM}).
 *
 * @param code ISO alpha-3 for countries, ISO 3166-2 for regions; an own upper-case code for groups,
 *     basins and synthetic districts
 * @param kind what the area is
 * @param nameEn English name (for regions: the registry's name, usually romanised)
 * @param nameRu Russian name; the English name where the registry has no Russian one (see {@code
 *     nameRuFallback})
 * @param iso2 ISO alpha-2 for countries, empty otherwise
 * @param numeric ISO numeric code for countries ("643"), empty otherwise
 * @param parent the area a region or district lies in (its state, or its region); empty for states,
 *     groups and basins
 * @param synthetic true where no registry gives the area and its code was made up (documented
 *     synthetic districts of the demo)
 * @param nameRuFallback true where the Russian name is the English one because the registry has no
 *     Russian translation
 */
public record Area(
    String code,
    AreaKind kind,
    String nameEn,
    String nameRu,
    String iso2,
    String numeric,
    String parent,
    boolean synthetic,
    boolean nameRuFallback) {
  public Area {
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9_-]{1,15}")) {
      throw new IllegalArgumentException(
          "Area code must be 2-16 upper-case letters, digits, '_' or '-' (ISO 3166-2 codes such as"
              + " KZ-AKM), found '"
              + code
              + "'");
    }
    if (kind == null || nameEn == null || nameEn.isBlank()) {
      throw new IllegalArgumentException("Area " + code + " needs a kind and an English name");
    }
    parent = parent == null ? "" : parent;
    if (kind.subnational() == parent.isEmpty()) {
      throw new IllegalArgumentException(
          "Area "
              + code
              + " is a "
              + kind
              + ": expected "
              + (kind.subnational() ? "a parent area (its state or region)" : "no parent")
              + ", found '"
              + parent
              + "'");
    }
    nameRuFallback = nameRuFallback || nameRu == null || nameRu.isBlank();
    nameRu = nameRu == null || nameRu.isBlank() ? nameEn : nameRu;
    iso2 = iso2 == null ? "" : iso2;
    numeric = numeric == null ? "" : numeric;
  }

  /** A state, group or basin: no parent, names from a registry. */
  public Area(
      String code, AreaKind kind, String nameEn, String nameRu, String iso2, String numeric) {
    this(code, kind, nameEn, nameRu, iso2, numeric, "", false, false);
  }

  /** A region or district inside {@code parent}. */
  public static Area subdivision(
      String code,
      AreaKind kind,
      String parent,
      String nameEn,
      String nameRu,
      boolean synthetic,
      boolean nameRuFallback) {
    return new Area(code, kind, nameEn, nameRu, "", "", parent, synthetic, nameRuFallback);
  }

  public String name(String lang) {
    return "ru".equals(lang) ? nameRu : nameEn;
  }

  /** 0 for states, groups and basins, 1 for regions, 2 for districts. */
  public int level() {
    return kind.level();
  }
}
