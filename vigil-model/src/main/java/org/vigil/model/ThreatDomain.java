package org.vigil.model;

import java.util.Locale;

/** The threat domains the councils watch. Names in English and Russian for UI and reports. */
public enum ThreatDomain {
  TERRORISM("Terrorism", "Терроризм"),
  EXTREMISM("Extremism and radicalism", "Экстремизм и радикализм"),
  ORGANISED_CRIME("Organised crime", "Организованная преступность"),
  DRUG_TRAFFICKING("Drug trafficking", "Незаконный оборот наркотиков"),
  ILLEGAL_MIGRATION("Illegal migration", "Незаконная миграция"),
  ARMS_TRAFFICKING("Arms trafficking", "Незаконный оборот оружия"),
  ECONOMIC("Economic security", "Экономическая безопасность"),
  INFORMATION("Information security (cyber)", "Информационная безопасность"),
  TECHNOLOGICAL("Technological security", "Техногенная безопасность"),
  BIOLOGICAL("Biological security", "Биологическая безопасность"),
  WATER("Water resources", "Водные ресурсы");

  private final String nameEn;
  private final String nameRu;

  ThreatDomain(String nameEn, String nameRu) {
    this.nameEn = nameEn;
    this.nameRu = nameRu;
  }

  public String nameEn() {
    return nameEn;
  }

  public String nameRu() {
    return nameRu;
  }

  /** Name in the given language ("ru" gives Russian, anything else English). */
  public String label(String lang) {
    return "ru".equals(lang) ? nameRu : nameEn;
  }

  /** Parses a domain from its constant name, case-insensitive, with '-' or ' ' for '_'. */
  public static ThreatDomain parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (ThreatDomain d : values()) {
      if (d.name().equals(t)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "Unknown threat domain '"
            + text
            + "': expected one of "
            + java.util.Arrays.toString(values()));
  }
}
