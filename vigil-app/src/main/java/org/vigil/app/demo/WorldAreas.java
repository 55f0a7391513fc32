package org.vigil.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.GroupMembership;

/**
 * Every ISO 3166-1 country with English and Russian names from the JDK's own locale data, the CIS
 * and its memberships with dates, and the shared river basins of the water domain.
 *
 * <p>CIS membership (as data; see docs in resources/demo/README.md): the Belovezha signatories from
 * 1991-12-08, the other Alma-Ata signatories from 1991-12-21; Azerbaijan from its ratification on
 * 1993-09-24, Georgia from its accession on 1993-12-03 until its withdrawal took effect on
 * 2009-08-18, Moldova from its ratification on 1994-04-08. Turkmenistan takes part as an associate
 * member since 2005-08-26 (group CIS_ASSOCIATE) and stays in CIS as a participant. Ukraine never
 * ratified the Charter; it announced its exit in 2014 and stopped taking part in the statutory
 * bodies by the decree of 2018-05-19, which is where its membership ends here.
 */
final class WorldAreas {
  /** The states taking part in the CIS today: nine full members and Turkmenistan. */
  static final List<String> CIS_STATES =
      List.of("ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB");

  /**
   * Russian names where the JDK's locale data differs from the name the state uses in Russian
   * itself and in CIS documents (the JDK has the Soviet-era "Киргизия").
   */
  static final Map<String, String> RUSSIAN_NAMES = Map.of("KGZ", "Кыргызстан");

  private WorldAreas() {}

  static List<Area> countries() {
    Map<String, String> numeric = numericCodes();
    Locale ru = Locale.forLanguageTag("ru");
    List<Area> out = new ArrayList<>();
    for (String iso2 : Locale.getISOCountries()) {
      Locale l = new Locale("", iso2);
      String iso3 = l.getISO3Country();
      if (iso3.isEmpty()) {
        continue;
      }
      out.add(
          new Area(
              iso3,
              AreaKind.COUNTRY,
              l.getDisplayCountry(Locale.ENGLISH),
              RUSSIAN_NAMES.getOrDefault(iso3, l.getDisplayCountry(ru)),
              iso2,
              numeric.getOrDefault(iso3, "")));
    }
    return out;
  }

  static List<Area> groupsAndBasins() {
    return List.of(
        new Area(
            "CIS",
            AreaKind.GROUP,
            "Commonwealth of Independent States",
            "Содружество Независимых Государств",
            "",
            ""),
        new Area(
            "CIS_ASSOCIATE",
            AreaKind.GROUP,
            "CIS associate members",
            "Ассоциированные члены СНГ",
            "",
            ""),
        new Area("AMU_DARYA", AreaKind.BASIN, "Amu Darya basin", "Бассейн Амударьи", "", ""),
        new Area("SYR_DARYA", AreaKind.BASIN, "Syr Darya basin", "Бассейн Сырдарьи", "", ""),
        new Area("IRTYSH", AreaKind.BASIN, "Irtysh basin", "Бассейн Иртыша", "", ""),
        new Area(
            "KURA_ARAKS", AreaKind.BASIN, "Kura-Araks basin", "Бассейн Куры и Аракса", "", ""));
  }

  static List<GroupMembership> memberships() {
    LocalDate belovezha = LocalDate.of(1991, 12, 8);
    LocalDate almaAta = LocalDate.of(1991, 12, 21);
    List<GroupMembership> m = new ArrayList<>();
    for (String s : List.of("RUS", "BLR")) {
      m.add(cis(s, belovezha, LocalDate.MAX));
    }
    for (String s : List.of("ARM", "KAZ", "KGZ", "TJK", "TKM", "UZB")) {
      m.add(cis(s, almaAta, LocalDate.MAX));
    }
    m.add(cis("AZE", LocalDate.of(1993, 9, 24), LocalDate.MAX));
    m.add(cis("MDA", LocalDate.of(1994, 4, 8), LocalDate.MAX));
    m.add(cis("GEO", LocalDate.of(1993, 12, 3), LocalDate.of(2009, 8, 17)));
    m.add(cis("UKR", belovezha, LocalDate.of(2018, 5, 19)));
    m.add(new GroupMembership("CIS_ASSOCIATE", "TKM", LocalDate.of(2005, 8, 26), LocalDate.MAX));
    return m;
  }

  /** Riparian states of each basin (basin code to member codes), open-ended. */
  static List<GroupMembership> riparians() {
    LocalDate since = LocalDate.of(1991, 12, 26);
    List<GroupMembership> m = new ArrayList<>();
    Map<String, List<String>> basins =
        Map.of(
            "AMU_DARYA", List.of("AFG", "TJK", "TKM", "UZB"),
            "SYR_DARYA", List.of("KGZ", "UZB", "TJK", "KAZ"),
            "IRTYSH", List.of("CHN", "KAZ", "RUS"),
            "KURA_ARAKS", List.of("TUR", "GEO", "ARM", "AZE", "IRN"));
    basins.forEach(
        (b, states) -> states.forEach(s -> m.add(new GroupMembership(b, s, since, LocalDate.MAX))));
    return m;
  }

  private static GroupMembership cis(String state, LocalDate from, LocalDate until) {
    return new GroupMembership("CIS", state, from, until);
  }

  private static Map<String, String> numericCodes() {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = WorldAreas.class.getResourceAsStream("/demo/iso3166-numeric.csv")) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && line.contains(",")) {
          String[] p = line.split(",", 2);
          out.put(p[0].trim(), p[1].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read /demo/iso3166-numeric.csv", e);
    }
    return out;
  }
}
