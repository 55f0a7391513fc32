package org.vigil.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.text.TextService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.text.search.TextQuery;
import org.vigil.text.source.RawText;

/**
 * {@code bench text --docs N}: seeded synthetic texts (English and Russian sentences about member
 * states, built from fixed templates; marked synthetic in their source) through the whole ingest
 * (names out, analysis, de-duplication, store, index) on in-memory H2, then searches as a member
 * state's analyst (access filter, snippets, facets, store read-back) beside a plain term query.
 */
final class BenchTextDocs {
  private static final String[] STATES_EN = {
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Uzbekistan",
    "Armenia",
    "Azerbaijan",
    "Belarus",
    "Russia",
    "Moldova"
  };
  private static final String[] STATES_RU = {
    "Казахстане",
    "Кыргызстане",
    "Таджикистане",
    "Узбекистане",
    "Армении",
    "Азербайджане",
    "Беларуси",
    "России",
    "Молдове"
  };
  private static final String[] EN = {
    "Police in %s said that %d kilograms of heroin were seized near the border on %s.",
    "Militants attacked a checkpoint in %s, killing %d soldiers, officials said on %s.",
    "A cyber attack hit banks in %s; %d systems were down on %s, the ministry said.",
    "Border guards of %s detained %d migrants crossing the frontier illegally on %s.",
    "Protesters rallied in %s against prices; police detained %d people on %s."
  };
  private static final String[] RU = {
    "В %s полиция изъяла %d килограммов героина на границе %s.",
    "Боевики напали на блокпост в %s, погибли %d военных, сообщили %s.",
    "Кибератака поразила банки в %s: %d систем не работали %s.",
    "Пограничники в %s задержали %d мигрантов при незаконном пересечении границы %s.",
    "В %s прошли протесты против роста цен, задержаны %d человек %s."
  };

  private BenchTextDocs() {}

  static int run(VigilCommand root, int n, long seed) {
    if (n > 200_000) {
      throw new org.vigil.model.InvalidInputException(
          "bench text --docs: expected at most 200000, found " + n);
    }
    Random rnd = new Random(seed);
    List<RawText> raws = new ArrayList<>(n);
    LocalDate start = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < n; i++) {
      int s = rnd.nextInt(STATES_EN.length);
      int t = rnd.nextInt(EN.length);
      LocalDate d = start.plusDays(rnd.nextInt(700));
      boolean ru = rnd.nextBoolean();
      String text =
          ru
              ? String.format(Locale.ROOT, RU[t], STATES_RU[s], 2 + rnd.nextInt(5000), d)
              : String.format(Locale.ROOT, EN[t], STATES_EN[s], 2 + rnd.nextInt(5000), d);
      text += " Report " + i + " of the synthetic benchmark set.";
      raws.add(new RawText("synthetic " + i, "Synthetic " + i, text, "SYNTHETIC bench", "", d));
    }
    try (Vigil vigil = Vigil.open(VigilConfig.h2InMemory("bench-text-" + System.nanoTime()))) {
      vigil
          .reference()
          .saveOrganisation(
              AccessContext.system(), new Organisation("KAZ-SC", "KAZ-SC", "", "KAZ", false));
      AccessContext steward = AccessContext.of("bench", "KAZ-SC", Role.DATA_STEWARD);
      AccessContext analyst = AccessContext.of("bench.analyst", "KAZ-SC", Role.ANALYST);
      try (TextService texts = TextService.open(vigil)) {
        long t0 = System.nanoTime();
        TextService.IngestReport r =
            texts.ingest(steward, raws, Ownership.of("KAZ-SC", Classification.SHARED));
        double ingestSecs = (System.nanoTime() - t0) / 1e9;
        String[] queries = {"heroin", "Таджикистане", "migrants", "кибератака", "protesters"};
        String[] terms = {"heroin", "таджикистан", "migrant", "кибератак", "protest"};
        for (int w = 0; w < 20; w++) {
          texts.search(analyst, TextQuery.of(queries[w % queries.length]), 0, 20);
          texts.index().plain(terms[w % terms.length], 20);
        }
        double[] full = new double[200];
        double[] plain = new double[200];
        for (int i = 0; i < 200; i++) {
          long a = System.nanoTime();
          texts.search(analyst, TextQuery.of(queries[i % queries.length]), 0, 20);
          full[i] = (System.nanoTime() - a) / 1e6;
          long b = System.nanoTime();
          texts.index().plain(terms[i % terms.length], 20);
          plain[i] = (System.nanoTime() - b) / 1e6;
        }
        Renderer out = root.renderer();
        out.note(
            "Synthetic texts (seed "
                + seed
                + "), in-memory H2 and index, "
                + Runtime.getRuntime().availableProcessors()
                + " CPU(s)");
        Table tab = Table.of("measure", "value");
        tab.row("texts generated", n);
        tab.row("texts stored", r.stored());
        tab.row("near-duplicates grouped", r.nearDuplicates());
        tab.row("ingest seconds", String.format(Locale.ROOT, "%.1f", ingestSecs));
        tab.row("ingest texts/second", String.format(Locale.ROOT, "%.0f", n / ingestSecs));
        tab.row("search median ms (access, snippets, facets, store read)", ms(median(full)));
        tab.row("plain Lucene term query median ms (same index)", ms(median(plain)));
        out.print(tab);
      }
    }
    return VigilCommand.OK;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
