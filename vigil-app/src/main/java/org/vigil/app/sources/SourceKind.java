package org.vigil.app.sources;

import java.util.Arrays;
import java.util.Locale;
import org.vigil.model.InvalidInputException;

/** The kinds of public source Vigil has a connector for. */
public enum SourceKind {
  /** Our World in Data grapher CSV: {@code Entity,Code,Year,<indicator>}. */
  OWID("owid"),
  /** The World Bank's indicators API v2, JSON: {@code [page-meta, rows]}. */
  WORLD_BANK("worldbank"),
  /**
   * UCDP's API (GED events, JSON with {@code Result[]} and paging), counted per state and month.
   */
  UCDP("ucdp"),
  /** Any SDMX 2.1 REST endpoint, asked for SDMX-CSV. */
  SDMX("sdmx");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  /** The name used in the catalogue ("owid", "worldbank", "ucdp", "sdmx"). */
  public String id() {
    return id;
  }

  Connector connector() {
    return switch (this) {
      case OWID -> new OwidConnector();
      case WORLD_BANK -> new WorldBankConnector();
      case UCDP -> new UcdpConnector();
      case SDMX -> new SdmxConnector();
    };
  }

  static SourceKind parse(String text, String where) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (SourceKind k : values()) {
      if (k.id.equals(t)) {
        return k;
      }
    }
    throw new InvalidInputException(
        where
            + ": connector must be one of "
            + Arrays.stream(values()).map(SourceKind::id).toList()
            + ", found '"
            + text
            + "'");
  }
}
