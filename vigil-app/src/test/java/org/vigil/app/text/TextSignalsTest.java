package org.vigil.app.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.alert.AlertService;
import org.vigil.app.ingest.SmallReference;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertRule;
import org.vigil.text.source.RawText;
import org.vigil.timeseries.Period;

/**
 * Counts derived from texts are series that the alert rules watch (issue 11, item 5): a burst of
 * reports on one domain and state, planted here, raises an anomaly alert; the counts keep the
 * documents' owner and classification.
 */
class TextSignalsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-20T10:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext KAZ =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final Ownership KAZ_NATIONAL = Ownership.of("KAZ-SC", Classification.NATIONAL);
  private static final String SERIES = "TEXT_DOCS_TERRORISM";
  private static final String[] WORDS = {
    "officials",
    "regional",
    "investigation",
    "statement",
    "evening",
    "checkpoint",
    "district",
    "morning",
    "security",
    "briefing",
    "residents",
    "highway",
    "village",
    "press",
    "service",
    "operation",
    "suspects",
    "detained",
    "weapons",
    "cache",
    "explosives",
    "cell",
    "court",
    "prosecutors",
    "charges",
    "network",
    "cross-border",
    "patrol",
    "agency",
    "sources"
  };
  private static final String[] TOWNS = {"Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda"};

  private Vigil vigil;
  private TextService texts;

  @BeforeEach
  void setUp() {
    vigil = Vigil.open(VigilConfig.h2InMemory("signals-" + System.nanoTime()).withClock(CLOCK));
    AccessContext sys = AccessContext.system();
    SmallReference.saveCountries(vigil, "KZ", "RU", "KG", "TJ");
    for (String[] o : new String[][] {{"KAZ-SC", "KAZ"}, {"RUS-SC", "RUS"}}) {
      vigil.reference().saveOrganisation(sys, new Organisation(o[0], o[0], "", o[1], false));
    }
    texts = TextService.open(vigil);
  }

  @AfterEach
  void tearDown() {
    texts.close();
    vigil.close();
  }

  /** A report on a foiled terrorist attack in Kazakhstan, different from every other one. */
  private static RawText report(SplittableRandom rnd, int n, LocalDate published) {
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      tail.append(' ').append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    String text =
        "Security services of Kazakhstan prevented a terrorist attack in "
            + TOWNS[rnd.nextInt(TOWNS.length)]
            + " and detained "
            + (2 + rnd.nextInt(9))
            + " members of a terrorist cell, report "
            + n
            + "."
            + tail
            + ".";
    return new RawText("r" + n, "Report " + n, text, "Wire", "", published);
  }

  /**
   * Three years of 1 to 3 reports a month (drawn, so no season explains them away), then the given
   * number in January 2026: 69 reports before January with seed 7, 67 with seed 11.
   */
  private List<RawText> reports(SplittableRandom rnd, int january) {
    List<RawText> out = new ArrayList<>();
    int n = 0;
    for (int m = 0; m < 36; m++) {
      LocalDate month = LocalDate.of(2023, 1, 1).plusMonths(m);
      for (int k = 0, c = 1 + rnd.nextInt(3); k < c; k++) {
        out.add(report(rnd, n++, month.plusDays(3 + 7 * k)));
      }
    }
    for (int k = 0; k < january; k++) {
      out.add(report(rnd, 1000 + k, LocalDate.of(2026, 1, 2 + k % 15)));
    }
    return out;
  }

  @Test
  void countsBecomeSeries_markedDerived_withTheOwnersClassification() {
    TextService.IngestReport r =
        texts.ingest(KAZ, reports(new SplittableRandom(7), 2), KAZ_NATIONAL);
    assertThat(r.stored()).isEqualTo(71);
    assertThat(r.signalValues()).isPositive();
    Indicator i = vigil.reference().indicator(AccessContext.system(), SERIES).orElseThrow();
    assertThat(TextSignals.derived(i)).isTrue();
    assertThat(i.source()).contains("docs search --domain TERRORISM");
    List<Observation> s = vigil.observations().series(KAZ, SERIES, "KAZ");
    assertThat(s).hasSize(37);
    assertThat(s.get(0).period()).isEqualTo(Period.month(2023, 1));
    assertThat(s.stream().mapToDouble(Observation::value).sum()).isEqualTo(71);
    assertThat(s.get(36).value()).isEqualTo(2);
    assertThat(s).allMatch(o -> o.ownership().equals(KAZ_NATIONAL));
    assertThat(vigil.observations().series(RUS, SERIES, "KAZ")).isEmpty();
    assertThat(vigil.reference().indicators(AccessContext.system()))
        .extracting(Indicator::code)
        .anyMatch(c -> c.startsWith("TEXT_EVENTS_TERRORISM_"));
    TextService.IngestReport again =
        texts.ingest(KAZ, reports(new SplittableRandom(7), 2), KAZ_NATIONAL);
    assertThat(again.stored()).isZero();
    assertThat(again.signalValues()).isZero();
  }

  @Test
  void aBurstOfReportsOnOneDomainAndState_raisesAnAlert() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<RawText> all = reports(rnd, 60);
    List<RawText> before = all.subList(0, 67);
    texts.ingest(KAZ, before, KAZ_NATIONAL);
    AlertService alerts = new AlertService(vigil);
    alerts.evaluate(AccessContext.system());
    assertThat(anomalies(alerts)).isEmpty();

    TextService.IngestReport burst = texts.ingest(KAZ, all.subList(67, all.size()), KAZ_NATIONAL);
    assertThat(burst.stored()).isEqualTo(60);
    assertThat(vigil.observations().series(KAZ, SERIES, "KAZ").get(36).value()).isEqualTo(60);
    alerts.evaluate(AccessContext.system());
    List<Alert> found = anomalies(alerts);
    assertThat(found).hasSize(1);
    Alert a = found.get(0);
    assertThat(a.subject().area()).isEqualTo("KAZ");
    assertThat(a.subject().period()).isEqualTo("2026-01");
    assertThat(a.ownership()).isEqualTo(KAZ_NATIONAL);
    assertThat(a.messageEn()).contains("Unusually high");
  }

  private List<Alert> anomalies(AlertService alerts) {
    return alerts.list(AccessContext.system(), org.vigil.model.alert.AlertQuery.all()).stream()
        .filter(a -> a.rule() == AlertRule.ANOMALY && a.subject().indicator().equals(SERIES))
        .toList();
  }

  @Test
  void documentsWithoutADateOrAState_areNotCounted() {
    texts.ingest(
        KAZ,
        List.of(
            new RawText("x", "x", "A terrorist attack was prevented.", "W", "", null),
            new RawText(
                "y",
                "y",
                "Security services of Kazakhstan prevented a terrorist attack in Almaty.",
                "W",
                "",
                null)),
        KAZ_NATIONAL);
    assertThat(vigil.observations().series(KAZ, SERIES, "KAZ")).isEmpty();
  }
}
