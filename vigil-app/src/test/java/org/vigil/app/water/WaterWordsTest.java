package org.vigil.app.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.water.Agreement;
import org.vigil.water.AllocationResult;
import org.vigil.water.AllocationSpec;
import org.vigil.water.Basin;
import org.vigil.water.ConstraintRef;
import org.vigil.water.FairnessRule;
import org.vigil.water.Link;
import org.vigil.water.Monthly;
import org.vigil.water.Node;
import org.vigil.water.WaterAllocator;

/**
 * The words are built from the engine's records: in English they must read exactly as the engine's
 * own sentences (so the bundle cannot drift from the engine), in Russian as written here.
 */
class WaterWordsTest {
  private static final YearMonth START = YearMonth.of(2027, 4);
  private static final WaterWords EN = WaterWords.of("en");
  private static final WaterWords RU = WaterWords.of("ru");

  /** Naryn -> Toktogul -> Osh (KGZ) -> Andijan (UZB) -> Aral, as in the engine's tests. */
  private static Basin toktogul(List<Agreement> agreements) {
    return new Basin(
        "Syr Darya",
        List.of(
            Node.source("Naryn", Monthly.of(100, 100)),
            Node.reservoir("Toktogul", 1000, 500, 600),
            Node.withdrawal("Osh", "KGZ", "irrigation", Monthly.of(80, 80)),
            Node.withdrawal("Andijan", "UZB", "irrigation", Monthly.of(100, 100)),
            Node.outlet("Aral")),
        List.of(
            Link.of("Naryn", "Toktogul"),
            Link.of("Toktogul", "Osh"),
            Link.of("Osh", "Andijan"),
            Link.of("Andijan", "Aral")),
        agreements);
  }

  private static AllocationResult allocate(List<Agreement> agreements) {
    return new WaterAllocator()
        .allocate(
            toktogul(agreements),
            AllocationSpec.builder(START).months(2).fairness(FairnessRule.PROPORTIONAL).build());
  }

  @Test
  void bundles_haveTheSameKeys() {
    assertThat(RU.keys()).isEqualTo(EN.keys());
  }

  @Test
  void of_unknownLanguage_namesTheChoices() {
    assertThatThrownBy(() -> WaterWords.of("de"))
        .hasMessage("Unknown language 'de': expected one of [en, ru]");
  }

  @Test
  void relief_inEnglish_readsAsTheEnginesSentence() {
    AllocationResult r = allocate(List.of());
    assertThat(r.reliefs()).isNotEmpty();
    Map<String, Double> before = shortfalls(r);

    for (AllocationResult.Relief x : r.reliefs()) {
      assertThat(EN.relief(x, START, before)).isEqualTo(x.suggestion());
    }
  }

  @Test
  void relief_inRussian_wordsTheSameRecord() {
    AllocationResult r = allocate(List.of());
    AllocationResult.Relief x = r.reliefs().get(0);

    String ru = RU.relief(x, START, shortfalls(r));
    YearMonth month = START.plusMonths(x.constraint().month());

    assertThat(x.suggestion())
        .startsWith(
            "5% lower minimum storage of reservoir 'Toktogul' in " + month + " (500.0 to 475.0");
    assertThat(ru)
        .startsWith(
            "минимальный объём водохранилища «Токтогульское» в "
                + month
                + ": снижение на 5% (с 500,0 до 475,0 млн м³) ")
        .containsAnyOf("сокращает дефицит ", "устраняет дефицит ")
        .doesNotContain("shortfall", "reservoir", "hm³");
  }

  @Test
  void explanation_inEnglish_readsAsTheEngines_andRussianNamesTheSameGroups() {
    AllocationResult r =
        allocate(List.of(new Agreement.MinimumRelease("Toktogul", Monthly.of(400, 400))));
    assertThat(r.isFeasible()).isFalse();

    assertThat(EN.explanation(r)).isEqualTo(r.explanation());
    assertThat(RU.explanation(r))
        .startsWith("Сценарий невыполним: ")
        .contains("Эти ограничения противоречат друг другу")
        .contains("минимальный объём водохранилища «Токтогульское»")
        .contains("минимальный попуск из водохранилища «Токтогульское»")
        .contains("Наименьшее ослабление, при котором сценарий выполним: ")
        .contains("млн м³");
  }

  @Test
  void constraint_withAndWithoutMonth() {
    ConstraintRef q = new ConstraintRef(ConstraintRef.Kind.QUOTA, "UZB", ConstraintRef.HORIZON);
    ConstraintRef e = new ConstraintRef(ConstraintRef.Kind.ENV_FLOW, "Delta", 2);

    assertThat(EN.constraint(q, START)).isEqualTo(q.describe(START));
    assertThat(EN.constraint(e, START)).isEqualTo(e.describe(START));
    assertThat(RU.constraint(e, START))
        .isEqualTo("экологический попуск в створе «Delta» в 2027-06");
    assertThat(RU.kind(Node.Kind.RESERVOIR)).isEqualTo("водохранилище");
    ConstraintRef link =
        new ConstraintRef(
            ConstraintRef.Kind.LINK_CAPACITY, "'Shardara' -> 'Arnasay depression'", 0);
    assertThat(EN.constraint(link, START)).isEqualTo(link.describe(START));
    assertThat(RU.constraint(link, START))
        .isEqualTo(
            "пропускная способность участка «Шардаринское» → «Арнасайская впадина» в 2027-04");
    assertThat(RU.name("UZB irrigation (Hunger Steppe)"))
        .isEqualTo("UZB, орошение (Голодная степь)");
    assertThat(RU.number(1234.56)).isEqualTo("1234,6");
  }

  private static Map<String, Double> shortfalls(AllocationResult r) {
    Map<String, Double> out = new java.util.TreeMap<>();
    WaterService.totals(r).forEach((s, v) -> out.put(s, v[2]));
    return out;
  }

  @Test
  void note_wordsTheReliefSearchNote_andKeepsOtherDiagnostics() {
    String d = "relief: 8 active constraints not checked after 40 re-solves (max relief checks 40)";
    assertThat(WaterWords.of("ru").note(d))
        .isEqualTo(
            "Примечание: меры облегчения: 8 действующих ограничений не проверены после 40"
                + " пересчётов (предел проверок 40)");
    assertThat(WaterWords.of("en").note(d)).isEqualTo("Note: " + d);
    assertThat(WaterWords.of("ru").note("something else")).isEqualTo("Примечание: something else");
  }
}
