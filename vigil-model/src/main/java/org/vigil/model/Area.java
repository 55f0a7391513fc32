package org.vigil.model;

/**
 * A country (ISO 3166-1 alpha-3), a grouping such as CIS, or a river basin.
 *
 * @param code ISO alpha-3 for countries; an own upper-case code for groups and basins
 * @param kind what the area is
 * @param nameEn English name
 * @param nameRu Russian name
 * @param iso2 ISO alpha-2 for countries, empty otherwise
 * @param numeric ISO numeric code for countries ("643"), empty otherwise
 */
public record Area(
    String code, AreaKind kind, String nameEn, String nameRu, String iso2, String numeric) {
  public Area {
    if (code == null || !code.matches("[A-Z0-9_]{2,16}")) {
      throw new IllegalArgumentException(
          "Area code must be 2-16 upper-case letters, digits or '_', found '" + code + "'");
    }
    if (kind == null || nameEn == null || nameEn.isBlank()) {
      throw new IllegalArgumentException("Area " + code + " needs a kind and an English name");
    }
    nameRu = nameRu == null || nameRu.isBlank() ? nameEn : nameRu;
    iso2 = iso2 == null ? "" : iso2;
    numeric = numeric == null ? "" : numeric;
  }

  public String name(String lang) {
    return "ru".equals(lang) ? nameRu : nameEn;
  }
}
