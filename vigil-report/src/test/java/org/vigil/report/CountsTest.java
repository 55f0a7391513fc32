package org.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;

class CountsTest {

  private static Indicator summed(String unit) {
    return new Indicator(
        "TEXT_DOCS_TERRORISM",
        "TEXT_DOCS_TERRORISM",
        "",
        ThreatDomain.TERRORISM,
        unit,
        Frequency.MONTHLY,
        "",
        Polarity.RISE_IS_BAD,
        Aggregation.SUM,
        "test",
        true);
  }

  /** Texts counted per month are whole numbers: a report said "from 1,0 to 0,0" documents. */
  @Test
  void isCount_documentsAndEventsCountedFromTexts_butNotMeasuredQuantities() {
    assertThat(Counts.isCount(summed("documents"))).isTrue();
    assertThat(Counts.isCount(summed("events"))).isTrue();
    assertThat(Counts.isCount(summed("million persons"))).isFalse();
  }
}
