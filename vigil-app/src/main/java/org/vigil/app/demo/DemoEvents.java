package org.vigil.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;

/**
 * Synthetic events (PLOVER categories, actor types only, never persons) and a few synthetic public
 * documents. Every summary and title says it is synthetic.
 */
final class DemoEvents {
  /** Rough coordinates of each capital, where events are placed with some jitter. */
  private static final Map<String, double[]> CAPITALS =
      Map.of(
          "ARM", new double[] {40.18, 44.51},
          "AZE", new double[] {40.41, 49.87},
          "BLR", new double[] {53.90, 27.57},
          "KAZ", new double[] {51.17, 71.43},
          "KGZ", new double[] {42.87, 74.59},
          "MDA", new double[] {47.01, 28.86},
          "RUS", new double[] {55.76, 37.62},
          "TJK", new double[] {38.56, 68.79},
          "TKM", new double[] {37.96, 58.33},
          "UZB", new double[] {41.30, 69.24});

  /** Event templates: domain, PLOVER category, contexts, actor types, summary. */
  private record Template(
      ThreatDomain domain,
      String category,
      List<String> contexts,
      List<String> actors,
      String what) {}

  private static final List<Template> TEMPLATES =
      List.of(
          new Template(
              ThreatDomain.TERRORISM,
              "ASSAULT",
              List.of("terrorism"),
              List.of("armed group", "civilians"),
              "an armed group attacked civilians"),
          new Template(
              ThreatDomain.TERRORISM,
              "COERCE",
              List.of("terrorism", "legal"),
              List.of("security service", "armed group"),
              "security services detained members of a cell"),
          new Template(
              ThreatDomain.EXTREMISM,
              "PROTEST",
              List.of("political"),
              List.of("protesters", "police"),
              "an unauthorised rally was dispersed"),
          new Template(
              ThreatDomain.EXTREMISM,
              "THREATEN",
              List.of("political"),
              List.of("extremist network", "government"),
              "an extremist network issued threats online"),
          new Template(
              ThreatDomain.DRUG_TRAFFICKING,
              "COERCE",
              List.of("legal", "economic"),
              List.of("border guard", "criminal group"),
              "border guards seized a drug consignment"),
          new Template(
              ThreatDomain.ORGANISED_CRIME,
              "COERCE",
              List.of("legal", "economic"),
              List.of("police", "criminal group"),
              "police dismantled an organised criminal group"),
          new Template(
              ThreatDomain.ARMS_TRAFFICKING,
              "COERCE",
              List.of("military", "legal"),
              List.of("customs service", "criminal group"),
              "customs seized illicit firearms"),
          new Template(
              ThreatDomain.ILLEGAL_MIGRATION,
              "COERCE",
              List.of("refugee", "legal"),
              List.of("border guard", "smuggling network"),
              "a migrant smuggling route was closed"),
          new Template(
              ThreatDomain.INFORMATION,
              "ASSAULT",
              List.of("cyber"),
              List.of("unattributed cyber actor", "government agency"),
              "a cyber attack disrupted a public service"),
          new Template(
              ThreatDomain.TECHNOLOGICAL,
              "MOBILIZE",
              List.of("economic"),
              List.of("industrial operator", "emergency service"),
              "an industrial accident required an emergency response"),
          new Template(
              ThreatDomain.BIOLOGICAL,
              "MOBILIZE",
              List.of("cbrn"),
              List.of("health authority"),
              "health authorities reported an outbreak"),
          new Template(
              ThreatDomain.WATER,
              "DEMAND",
              List.of("resource", "diplomatic"),
              List.of("government", "government"),
              "a dispute over water releases was raised"));

  private DemoEvents() {}

  static List<Event> events(DemoSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5EEDL);
    List<Event> out = new ArrayList<>();
    LocalDate start = spec.first().atDay(1);
    int days = (int) java.time.temporal.ChronoUnit.DAYS.between(start, spec.last().atEndOfMonth());
    for (String state : WorldAreas.CIS_STATES) {
      int count = 18 + r.nextInt(10);
      double[] at = CAPITALS.get(state);
      for (int i = 0; i < count; i++) {
        Template t = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
        int fatalities =
            t.category().equals("ASSAULT") && t.domain() == ThreatDomain.TERRORISM
                ? r.nextInt(6)
                : 0;
        out.add(
            new Event(
                0,
                start.plusDays(r.nextInt(days + 1)),
                state,
                at[0] + r.nextGaussian() * 0.8,
                at[1] + r.nextGaussian() * 0.8,
                t.category(),
                t.contexts(),
                t.actors(),
                fatalities,
                t.domain(),
                "Synthetic demo event: " + t.what() + ".",
                DemoIndicators.SYNTHETIC_SOURCE,
                eventOwnership(state, r)));
      }
    }
    out.sort((a, b) -> a.date().compareTo(b.date()));
    return out;
  }

  private static Ownership eventOwnership(String state, SplittableRandom r) {
    String owner = DemoOrganisations.councilOf(state);
    int k = r.nextInt(10);
    if (k < 4) {
      return Ownership.of(owner, Classification.PUBLIC);
    }
    if (k < 8) {
      return Ownership.of(owner, Classification.SHARED);
    }
    if (k < 9) {
      return Ownership.restricted(owner, Set.of(DemoOrganisations.SECRETARIAT));
    }
    return Ownership.of(owner, Classification.NATIONAL);
  }

  static List<Document> documents() {
    Ownership pub = Ownership.of(DemoOrganisations.SECRETARIAT, Classification.PUBLIC);
    return List.of(
        doc(
            "en",
            LocalDate.of(2024, 3, 14),
            "Synthetic bulletin: drug seizures on the Tajik-Afghan border",
            "SYNTHETIC DEMO TEXT. Border guards of Tajikistan reported larger heroin and hashish"
                + " seizures in the first quarter. Customs services of Uzbekistan and Kazakhstan"
                + " coordinated controls on the northern route.",
            Set.of(ThreatDomain.DRUG_TRAFFICKING),
            Set.of("TJK", "UZB", "KAZ"),
            pub),
        doc(
            "ru",
            LocalDate.of(2024, 6, 2),
            "Синтетический обзор: киберинциденты в государственных сетях",
            "СИНТЕТИЧЕСКИЙ ДЕМОНСТРАЦИОННЫЙ ТЕКСТ. Национальные центры реагирования сообщили о"
                + " росте числа фишинговых атак на государственные учреждения Беларуси и Армении.",
            Set.of(ThreatDomain.INFORMATION),
            Set.of("BLR", "ARM"),
            pub),
        doc(
            "en",
            LocalDate.of(2023, 8, 21),
            "Synthetic note: low water in the Syr Darya basin",
            "SYNTHETIC DEMO TEXT. A dry summer lowered reservoir levels in Kyrgyzstan; downstream"
                + " irrigation demand in Uzbekistan and Kazakhstan was not fully met.",
            Set.of(ThreatDomain.WATER),
            Set.of("KGZ", "UZB", "KAZ", "SYR_DARYA"),
            pub),
        doc(
            "ru",
            LocalDate.of(2022, 11, 9),
            "Синтетическая справка: незаконная миграция через южные границы",
            "СИНТЕТИЧЕСКИЙ ДЕМОНСТРАЦИОННЫЙ ТЕКСТ. Пограничные службы России и Казахстана"
                + " пресекли деятельность нескольких сетей по незаконной переправке мигрантов.",
            Set.of(ThreatDomain.ILLEGAL_MIGRATION),
            Set.of("RUS", "KAZ"),
            pub),
        doc(
            "en",
            LocalDate.of(2025, 2, 27),
            "Synthetic report: arms trafficking and extremist recruitment online",
            "SYNTHETIC DEMO TEXT. Analysts in the secretariat linked online recruitment by an"
                + " extremist network to small-arms purchases in Kyrgyzstan and Tajikistan.",
            Set.of(ThreatDomain.ARMS_TRAFFICKING, ThreatDomain.EXTREMISM),
            Set.of("KGZ", "TJK"),
            Ownership.of(DemoOrganisations.SECRETARIAT, Classification.SHARED)));
  }

  private static Document doc(
      String lang,
      LocalDate published,
      String title,
      String text,
      Set<ThreatDomain> domains,
      Set<String> areas,
      Ownership ownership) {
    return new Document(
        0,
        DemoIndicators.SYNTHETIC_SOURCE,
        "",
        lang,
        published,
        title,
        text,
        domains,
        areas,
        ownership);
  }
}
