package org.vigil.text;

/**
 * A state, region or city of the gazetteer.
 *
 * @param iso3 the state it belongs to (ISO 3166-1 alpha-3)
 * @param kind "country", "region" or "city"
 * @param name English name
 */
public record Place(String iso3, String kind, String name) {
  public Place {
    if (iso3 == null || !iso3.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("Place needs an ISO3 state code, found '" + iso3 + "'");
    }
    if (!kind.equals("country") && !kind.equals("region") && !kind.equals("city")) {
      throw new IllegalArgumentException(
          "Place kind must be country, region or city, found '" + kind + "'");
    }
  }

  static Place parse(String col) {
    String[] p = col.split(":", 3);
    if (p.length != 3) {
      throw new IllegalArgumentException("expected ISO3:kind:Name, found '" + col + "'");
    }
    return new Place(p[0], p[1], p[2]);
  }
}
