package org.vigil.app.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vigil.app.programme.ProgrammeDemo;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.text.source.RawText;

/**
 * The demo's synthetic bilingual corpus for the text pipeline (issue 11): short reports in English
 * and Russian on the CIS states' threat domains, so that the Texts page, its facets and the signals
 * derived from texts have something to show. Every text starts with "SYNTHETIC DEMO TEXT" (Russian:
 * "СИНТЕТИЧЕСКИЙ ДЕМОНСТРАЦИОННЫЙ ТЕКСТ") and its source is {@value #SOURCE}.
 *
 * <p>Generated with a fixed seed over the {@value #MONTHS} months ending with the demo's last
 * month: per state and month 0 to 2 reports (a domain and a language drawn uniformly, a number
 * drawn per report, three of twelve closing sentences in a drawn order so that no two texts are
 * near duplicates); 70% owned by SECRETARIAT as PUBLIC, 30% by the state's council as SHARED. One
 * burst is planted: Tajikistan has 1 to 3 further SECRETARIAT reports on drug trafficking a month,
 * then {@value #BURST} extra ones in the last month, which the alert rules find in the derived
 * series {@code TEXT_DOCS_DRUG_TRAFFICKING}.
 */
public final class DemoTexts {
  /** The source every demo text carries. */
  public static final String SOURCE = org.vigil.model.DemoSource.CORPUS.text();

  static final int MONTHS = 24;
  static final int BURST = 50;
  static final String BURST_STATE = "TJK";
  static final long SEED = 20_251_211L;

  private DemoTexts() {}

  /**
   * The planted burst, the corpus's ground truth for the alert rules: {@value #BURST} extra reports
   * on the domain about the state in the month.
   *
   * @param state ISO3 code of the state the reports are about
   * @param domain the threat domain's name (the derived series' codes contain it)
   * @param month the corpus's last month
   */
  public record Burst(String state, String domain, YearMonth month) {}

  /** The burst planted in the corpus that ends with {@code last}. */
  public static Burst burst(YearMonth last) {
    return new Burst(BURST_STATE, org.vigil.model.ThreatDomain.DRUG_TRAFFICKING.name(), last);
  }

  /** A state's names: English, Russian, Russian after "в" (prepositional case). */
  private record State(String iso3, String en, String ru, String ruIn) {}

  private static final List<State> STATES =
      List.of(
          new State("ARM", "Armenia", "Армения", "Армении"),
          new State("AZE", "Azerbaijan", "Азербайджан", "Азербайджане"),
          new State("BLR", "Belarus", "Беларусь", "Беларуси"),
          new State("KAZ", "Kazakhstan", "Казахстан", "Казахстане"),
          new State("KGZ", "Kyrgyzstan", "Кыргызстан", "Кыргызстане"),
          new State("MDA", "Moldova", "Молдова", "Молдове"),
          new State("RUS", "Russia", "Россия", "России"),
          new State("TJK", "Tajikistan", "Таджикистан", "Таджикистане"),
          new State("TKM", "Turkmenistan", "Туркменистан", "Туркменистане"),
          new State("UZB", "Uzbekistan", "Узбекистан", "Узбекистане"));

  /** Per domain: English and Russian report, %s the state, %d a number. */
  private static final String[][] REPORTS = {
    {
      "Border guards in %s seized %d kilograms of heroin and detained a group of drug smugglers.",
      "В %s пограничники изъяли %d кг героина и задержали группу наркокурьеров."
    },
    {
      "Security services in %s prevented a terrorist attack and detained %d suspects.",
      "В %s спецслужбы предотвратили теракт и задержали %d подозреваемых."
    },
    {
      "Police in %s detained %d illegal migrants near the state border.",
      "В %s полиция задержала %d нелегальных мигрантов у государственной границы."
    },
    {
      "Government websites in %s were hit by a cyber attack by hackers; %d systems were affected.",
      "В %s правительственные сайты подверглись кибератаке хакеров; пострадали %d систем."
    },
    {
      "A court in %s banned an extremist organisation after %d recruiters were detained.",
      "В %s суд запретил экстремистскую организацию после задержания %d вербовщиков."
    },
    {
      "Customs officers in %s seized %d illegal firearms and a cache of ammunition.",
      "В %s таможенники изъяли %d единиц незаконного оружия и тайник с боеприпасами."
    },
    {
      "Police in %s dismantled an organised crime group that laundered %d million.",
      "В %s полиция ликвидировала организованную преступную группу, отмывшую %d млн."
    },
    {
      "Reservoirs in %s held %d percent less water than a year ago, and irrigation was cut.",
      "В %s водохранилища заполнены на %d процентов меньше, чем год назад; полив сокращен."
    }
  };

  /**
   * The demo programme a report of each domain of {@link #REPORTS} names (every third report), so
   * that texts link to the programme registry; null where none applies.
   */
  private static final String[] PROGRAMME_OF_DOMAIN = {
    null,
    ProgrammeDemo.TERRORISM,
    null,
    null,
    ProgrammeDemo.TERRORISM,
    null,
    ProgrammeDemo.CRIME,
    null
  };

  private static final String[] CLOSING_EN = {
    "The press service gave no further details.",
    "An investigation has been opened.",
    "Officials said controls would be tightened.",
    "The regional administration held a meeting on the matter.",
    "Similar cases were reported earlier this year.",
    "The agency published a short statement.",
    "Neighbouring states were informed.",
    "Experts expect more such cases.",
    "The situation is under control, officials said.",
    "Further checks are planned for the coming weeks.",
    "Local media reported the news in the evening.",
    "The ministry promised a detailed report."
  };

  private static final String[] CLOSING_RU = {
    "Пресс-служба не сообщила подробностей.",
    "Возбуждено уголовное дело.",
    "Власти заявили об усилении контроля.",
    "Региональная администрация провела совещание.",
    "Подобные случаи отмечались ранее в этом году.",
    "Ведомство опубликовало краткое заявление.",
    "Соседние государства проинформированы.",
    "Эксперты ожидают новых подобных случаев.",
    "Ситуация под контролем, заявили чиновники.",
    "В ближайшие недели запланированы новые проверки.",
    "Местные СМИ сообщили об этом вечером.",
    "Министерство обещало подробный доклад."
  };

  /** A demo text and who owns it. */
  public record OwnedText(RawText text, Ownership ownership) {}

  /** The corpus for the months ending with {@code last}, in a fixed order. */
  public static List<OwnedText> corpus(YearMonth last) {
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<OwnedText> out = new ArrayList<>();
    YearMonth first = last.minusMonths(MONTHS - 1L);
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      for (State s : STATES) {
        int n = rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
          out.add(report(rnd, out.size(), s, rnd.nextInt(REPORTS.length), m));
        }
        if (s.iso3().equals(BURST_STATE)) {
          // A steady background of 1 to 3 reports on the burst's domain, so the burst stands out.
          for (int k = 0, c = 1 + rnd.nextInt(3); k < c; k++) {
            out.add(report(rnd, out.size(), s, 0, m));
          }
        }
      }
    }
    State burst = STATES.stream().filter(s -> s.iso3().equals(BURST_STATE)).findFirst().get();
    for (int k = 0; k < BURST; k++) {
      out.add(report(rnd, out.size(), burst, 0, last));
    }
    return out;
  }

  private static OwnedText report(SplittableRandom rnd, int i, State s, int domain, YearMonth m) {
    boolean ru = rnd.nextBoolean();
    int number = 2 + rnd.nextInt(400);
    LocalDate day = m.atDay(1 + rnd.nextInt(m.lengthOfMonth()));
    String[] closing = ru ? CLOSING_RU : CLOSING_EN;
    StringBuilder text =
        new StringBuilder(ru ? "СИНТЕТИЧЕСКИЙ ДЕМОНСТРАЦИОННЫЙ ТЕКСТ. " : "SYNTHETIC DEMO TEXT. ");
    text.append(
        String.format(Locale.ROOT, REPORTS[domain][ru ? 1 : 0], ru ? s.ruIn() : s.en(), number));
    boolean[] used = new boolean[closing.length];
    for (int c = 0; c < 3; c++) {
      int j = rnd.nextInt(closing.length);
      while (used[j]) {
        j = (j + 1) % closing.length;
      }
      used[j] = true;
      text.append(' ').append(closing[j]);
    }
    String programme = PROGRAMME_OF_DOMAIN[domain];
    if (programme != null && i % 3 == 0) { // no draw: the corpus's numbers stay as they were
      text.append(ru ? " См. программу " : " See programme ").append(programme).append('.');
    }
    text.append(ru ? " Сообщение № " : " Report no. ").append(i + 1).append('.');
    String title =
        (ru ? "Синтетическое сообщение " : "Synthetic report ")
            + (i + 1)
            + (ru ? " (" + s.ru() + ")" : " (" + s.en() + ")");
    boolean secretariat = domain == 0 && s.iso3().equals(BURST_STATE) || rnd.nextInt(10) < 7;
    Ownership o =
        secretariat
            ? Ownership.of(DemoOrganisations.SECRETARIAT, Classification.PUBLIC)
            : Ownership.of(DemoOrganisations.councilOf(s.iso3()), Classification.SHARED);
    return new OwnedText(
        new RawText("demo-text-" + (i + 1), title, text.toString(), SOURCE, "", day), o);
  }
}
