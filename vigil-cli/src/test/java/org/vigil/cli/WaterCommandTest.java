package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.cli.CliHarness.Run;
import org.vigil.model.AccessContext;
import org.vigil.model.Organisation;
import org.vigil.model.Role;

/** {@code vigil water basins|run|runs|compare} and {@code bench water} against a file database. */
class WaterCommandTest {
  @TempDir static Path dir;
  static String kazAnalyst;

  static Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  static String url() {
    return CliHarness.url(dir);
  }

  @BeforeAll
  static void world() {
    try (Vigil vigil = CliHarness.open(dir)) {
      vigil
          .reference()
          .saveOrganisation(
              AccessContext.system(), new Organisation("KAZ-SC", "Kazakhstan", "", "KAZ", false));
      kazAnalyst = CliHarness.user(vigil, "kaz.analyst", "KAZ-SC", Role.ANALYST);
    }
  }

  private static Run run(String scenario, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--token",
                kazAnalyst,
                "water",
                "run",
                "--basin",
                "SYR_DARYA",
                "--scenario",
                scenario,
                "--fairness",
                "max-min",
                "--start",
                "2027-01"));
    args.addAll(List.of(more));
    return vigil(args.toArray(String[]::new));
  }

  @Test
  void basins_listsBothDemoBasinsWithTheirReservoirs() {
    Run r = vigil("water", "basins");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("SYR_DARYA", "Toktogul", "AMU_DARYA", "Nurek", "KAZ KGZ TJK UZB");
    assertThat(r.err()).contains("synthetic");
  }

  @Test
  void runThenCompare_printsShortfallsReliefAndTheComparison() {
    Run dry = run("dry");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("Syr Darya, dry inflows, MAX_MIN, 2027-01 for 12 months: OPTIMAL")
        .contains("10% quantile of its forecast by the forecasting engine")
        .contains("Shortfall by state and month (hm³):")
        .contains("relative_%")
        .contains("Binding constraints (")
        .contains("Relief, the largest shortfall removed first, grouped by the state")
        .contains("5% lower minimum storage of reservoir 'Toktogul'");
    assertThat(dry.err()).contains("water: relief checks");
    long a = id(dry.out());

    Run wet = run("wet", "--format", "csv");
    assertThat(wet.exit()).as(wet.err()).isZero();
    assertThat(wet.out()).startsWith("state,month,demand,delivered,shortfall");
    Run runs = vigil("--token", kazAnalyst, "--format", "csv", "water", "runs");
    assertThat(runs.exit()).as(runs.err()).isZero();
    long b =
        runs.out().lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[0])).max().orElse(-1);
    assertThat(b).isGreaterThan(a);

    Run cmp = vigil("--token", kazAnalyst, "water", "compare", "" + a, "" + b);
    assertThat(cmp.exit()).as(cmp.err()).isZero();
    assertThat(cmp.out())
        .contains("A: run " + a + ", SYR_DARYA, dry inflows, MAX_MIN")
        .contains("B: run " + b + ", SYR_DARYA, wet inflows, MAX_MIN")
        .contains("shortfall_b_minus_a")
        .contains("UZB");
  }

  @Test
  void run_inRussian_wordsHeadingsNodesAndReliefsInRussian() {
    Run ru = run("dry", "--lang", "ru");
    assertThat(ru.exit()).as(ru.err()).isZero();
    assertThat(ru.out())
        .contains(
            "Сырдарья, притоки — маловодный сценарий, распределение: максимин, с 2027-01 на 12")
        .contains("10%-ному квантилю его прогноза")
        .contains("Дефицит по государствам и месяцам (млн м³):")
        .contains("государство")
        .contains("Связывающие ограничения (")
        .contains("Меры облегчения: сначала снимающие наибольший дефицит")
        .contains("водохранилища «Токтогульское»")
        .containsPattern("(сокращает|устраняет) дефицит государства [A-Z]{3}")
        .doesNotContain("shortfall", "reservoir", "Relief", "hm³", "Toktogul");
  }

  @Test
  void run_reliefsGroupedByState_topThreeUnlessAll() {
    Run top = run("dry");
    Run all = run("dry", "--all");
    assertThat(top.exit()).as(top.err()).isZero();
    assertThat(all.exit()).as(all.err()).isZero();
    int binding = count(top.out(), "Binding constraints \\((\\d+)\\)");
    assertThat(binding).isPositive();
    for (String group : reliefGroups(top.out()).values()) {
      assertThat(group.lines().count()).isLessThanOrEqualTo(3);
    }
    java.util.Map<String, String> every = reliefGroups(all.out());
    assertThat(every).isNotEmpty();
    assertThat(all.out()).containsPattern("\\((\\d+) of \\1\\):");
    // Within a state, the largest cut of that state's shortfall comes first.
    for (var e : every.entrySet()) {
      List<Double> cuts = cuts(e.getValue(), e.getKey());
      assertThat(cuts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
  }

  /** The relief lines under each " XYZ: shortfall" line. */
  private static java.util.Map<String, String> reliefGroups(String out) {
    java.util.Map<String, String> groups = new java.util.LinkedHashMap<>();
    String state = null;
    for (String line : out.lines().toList()) {
      var m = java.util.regex.Pattern.compile("^  ([A-Z]{3}): shortfall ").matcher(line);
      if (m.find()) {
        state = m.group(1);
        groups.put(state, "");
      } else if (state != null && line.startsWith("    - ")) {
        groups.merge(state, line + "\n", String::concat);
      } else if (!line.startsWith("    ")) {
        state = null;
      }
    }
    return groups;
  }

  /** The cut of one state's shortfall in each relief line (removed: the whole shortfall). */
  private static List<Double> cuts(String lines, String state) {
    List<Double> out = new ArrayList<>();
    var cut =
        java.util.regex.Pattern.compile(
            "cuts "
                + state
                + "'s shortfall by ([0-9.]+)|removes "
                + state
                + "'s shortfall \\(([0-9.]+)");
    for (String l : lines.lines().toList()) {
      var m = cut.matcher(l);
      if (m.find()) {
        out.add(Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2)));
      }
    }
    return out;
  }

  private static int count(String out, String regex) {
    var m = java.util.regex.Pattern.compile(regex).matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Test
  void basinsAndCompare_inRussian() {
    Run basins = vigil("water", "basins", "--lang", "ru");
    assertThat(basins.exit()).as(basins.err()).isZero();
    assertThat(basins.out()).contains("Сырдарья", "водохранилища", "водозаборы", "государства");
    assertThat(basins.err()).contains("синтетические");
    Run bad = vigil("water", "basins", "--lang", "de");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("Option --lang must be en or ru, found 'de'");

    long a = id(run("dry").out());
    long b = id(run("normal").out());
    Run cmp = vigil("--token", kazAnalyst, "water", "compare", "" + a, "" + b, "--lang", "ru");
    assertThat(cmp.exit()).as(cmp.err()).isZero();
    assertThat(cmp.out())
        .contains("A: расчёт " + a + ", SYR_DARYA, притоки — маловодный сценарий")
        .contains("B: расчёт " + b + ", SYR_DARYA, притоки — средний сценарий")
        .contains("дефицит_b_минус_a");
  }

  private static long id(String out) {
    String first = out.lines().findFirst().orElseThrow();
    return Long.parseLong(first.substring("Run ".length(), first.indexOf(':')));
  }

  @Test
  void run_unknownBasin_exitsTwoWithOneClearLine() {
    Run r = vigil("--token", kazAnalyst, "water", "run", "--basin", "NILE");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("vigil: Unknown basin 'NILE': expected one of SYR_DARYA, AMU_DARYA");
  }

  @Test
  void run_withoutLogin_isRefused() {
    Run r = vigil("water", "run", "--basin", "AMU_DARYA", "--months", "3");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("may not run water scenarios");
  }

  @Test
  void benchWater_printsTheEngineBesideTheReference() {
    Run r = vigil("bench", "water", "--warmup", "0", "--runs", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("reference: hand-built ojAlgo LP")
        .contains("engine: PROPORTIONAL")
        .contains("objectives equal (engine PROPORTIONAL vs reference): yes");
  }
}
