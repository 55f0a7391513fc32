package org.vigil.app.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.water.WaterService.StoredWaterRun;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;
import org.vigil.water.AllocationProgress;
import org.vigil.water.AllocationResult;
import org.vigil.water.FairnessRule;

/** Water runs in H2: stored with inputs, read back equal, read rule, bad input stores nothing. */
class WaterServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext UZB = AccessContext.of("uzb.analyst", "UZB-SC", Role.ANALYST);
  private static final YearMonth START = YearMonth.of(2027, 1);
  private static Vigil vigil;
  private static WaterService water;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("water-" + System.nanoTime()).withClock(CLOCK));
    water = new WaterService(vigil);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  private static WaterRunRequest request(
      String basin, InflowScenario s, FairnessRule f, Classification c) {
    return new WaterRunRequest(basin, START, 12, f, s, c, Set.of());
  }

  @Test
  void run_storesInputsAndResult_readBackEqual() {
    List<String> steps = new ArrayList<>();
    StoredWaterRun run =
        water.run(
            KAZ,
            request("SYR_DARYA", InflowScenario.DRY, FairnessRule.MAX_MIN, Classification.SHARED),
            (stage, done, total) -> steps.add(stage + " " + done + "/" + total));
    StoredWaterRun back = water.get(KAZ, run.run().id());

    assertThat(back.result()).isEqualTo(run.result());
    assertThat(back.run()).isEqualTo(run.run());
    assertThat(back.run().ownership().owner()).isEqualTo("KAZ-SC");
    assertThat(back.run().createdBy()).isEqualTo("kaz.analyst");
    assertThat(back.run().inputs())
        .contains("\"scenario\":{\"name\":\"dry\",\"quantile\":0.1")
        .contains("10% quantile of its forecast by the forecasting engine")
        .contains("\"Toktogul\"")
        .contains("\"synthetic\":true");
    assertThat(run.result().isFeasible()).isTrue();
    assertThat(run.result().states())
        .extracting(AllocationResult.StateMonth::state)
        .contains("KAZ", "KGZ", "TJK", "UZB");
    assertThat(steps).isNotEmpty().allMatch(s -> s.startsWith("RELIEF"));
    List<AuditEntry> audit = vigil.audit().entries(AccessContext.system(), 0, 10_000);
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("water.run");
              assertThat(e.subject()).isEqualTo("water run " + run.run().id());
            });
  }

  @Test
  void scenarios_dryIsShorterThanNormalAndWet_inBothBasins() {
    for (String basin : List.of("SYR_DARYA", "AMU_DARYA")) {
      double[] shortfall = new double[3];
      for (InflowScenario s : InflowScenario.values()) {
        AllocationResult r =
            water
                .run(
                    KAZ,
                    request(basin, s, FairnessRule.PROPORTIONAL, Classification.SHARED),
                    AllocationProgress.NONE)
                .result();
        assertThat(r.isFeasible()).as(basin + " " + s + ": " + r.explanation()).isTrue();
        shortfall[s.ordinal()] = r.totalShortfall();
      }
      System.out.printf(
          "%s shortfall hm3: dry %.0f, normal %.0f, wet %.0f%n",
          basin, shortfall[0], shortfall[1], shortfall[2]);
      assertThat(shortfall[0]).isGreaterThan(shortfall[1]);
      assertThat(shortfall[1]).isGreaterThanOrEqualTo(shortfall[2]);
    }
  }

  @Test
  void inflowHistory_annualMeansAreOfThePublishedOrder() {
    for (DemoBasin b : DemoBasins.all()) {
      double total = 0;
      for (DemoBasin.SourceSpec s : b.sources()) {
        double[] h = DemoBasins.inflowHistory(b, s, YearMonth.of(2021, 1));
        for (double v : h) {
          total += v;
        }
      }
      double perYear = total / 30;
      double expected = b.code().equals("SYR_DARYA") ? 37_000 : 78_000;
      assertThat(perYear).as(b.code()).isCloseTo(expected, within(expected * 0.1));
    }
  }

  @Test
  void readRule_sharedRunSeenByOtherMember_nationalRunNot() {
    long shared =
        water
            .run(
                KAZ,
                request(
                    "SYR_DARYA",
                    InflowScenario.NORMAL,
                    FairnessRule.PROPORTIONAL,
                    Classification.SHARED),
                AllocationProgress.NONE)
            .run()
            .id();
    long national =
        water
            .run(
                KAZ,
                request(
                    "SYR_DARYA",
                    InflowScenario.NORMAL,
                    FairnessRule.PROPORTIONAL,
                    Classification.NATIONAL),
                AllocationProgress.NONE)
            .run()
            .id();

    assertThat(water.get(UZB, shared).run().id()).isEqualTo(shared);
    assertThatThrownBy(() -> water.get(UZB, national)).isInstanceOf(NotFoundException.class);
    assertThat(water.runs(UZB, Optional.empty()))
        .extracting(r -> r.id())
        .contains(shared)
        .doesNotContain(national);
    assertThat(water.runs(KAZ, Optional.of("syr_darya")))
        .extracting(r -> r.id())
        .contains(shared, national);
    assertThatThrownBy(() -> water.get(AccessContext.anonymous(), shared))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void run_byViewerOrAnonymous_isRefusedAndStoresNothing() {
    int before = water.runs(AccessContext.system(), Optional.empty()).size();
    WaterRunRequest r =
        request("AMU_DARYA", InflowScenario.WET, FairnessRule.PROPORTIONAL, Classification.SHARED);
    AccessContext viewer = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
    assertThatThrownBy(() -> water.run(viewer, r, AllocationProgress.NONE))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> water.run(AccessContext.anonymous(), r, AllocationProgress.NONE))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(water.runs(AccessContext.system(), Optional.empty())).hasSize(before);
  }

  @Test
  void badInput_namesTheFieldAndStoresNothing() {
    int before = water.runs(AccessContext.system(), Optional.empty()).size();
    assertThatThrownBy(() -> WaterRunRequest.parse("NILE", null, 12, null, "dry", null, START))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown basin 'NILE'")
        .hasMessageContaining("SYR_DARYA");
    assertThatThrownBy(() -> WaterRunRequest.parse("SYR_DARYA", null, -3, null, "dry", null, START))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Months must be 1..36, found -3");
    assertThatThrownBy(
            () -> WaterRunRequest.parse("SYR_DARYA", null, 12, "greedy", "dry", null, START))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown fairness rule 'greedy'");
    assertThatThrownBy(
            () -> WaterRunRequest.parse("SYR_DARYA", null, 12, null, "damp", null, START))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected dry, normal or wet");
    assertThatThrownBy(
            () -> WaterRunRequest.parse("SYR_DARYA", "2027-13", 12, null, "dry", null, START))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("yyyy-MM");
    assertThat(water.runs(AccessContext.system(), Optional.empty())).hasSize(before);
  }

  @Test
  void compare_perState_deliveredShortfallAndRelative() {
    StoredWaterRun dry =
        water.run(
            UZB,
            request("AMU_DARYA", InflowScenario.DRY, FairnessRule.MAX_MIN, Classification.SHARED),
            AllocationProgress.NONE);
    StoredWaterRun wet =
        water.run(
            UZB,
            request("AMU_DARYA", InflowScenario.WET, FairnessRule.MAX_MIN, Classification.SHARED),
            AllocationProgress.NONE);
    WaterComparison c = water.compare(KAZ, dry.run().id(), wet.run().id());
    assertThat(c.states())
        .extracting(WaterComparison.StateRow::state)
        .containsExactly("TJK", "TKM", "UZB");
    for (WaterComparison.StateRow r : c.states()) {
      assertThat(r.deliveredA() + r.shortfallA()).isCloseTo(r.demandA(), within(1e-6));
      assertThat(r.relativeShortfallA()).isCloseTo(r.shortfallA() / r.demandA(), within(1e-12));
      assertThat(r.shortfallB()).isLessThanOrEqualTo(r.shortfallA() + 1e-6);
    }
  }
}
