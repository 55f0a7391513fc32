package org.vigil.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;

/** A small reference set and helpers shared by the reader tests. */
final class Fixtures {
  static final Ownership OWNER = Ownership.of("RUS-SC", Classification.SHARED);

  static final ReferenceData REFERENCE =
      ReferenceData.of(
          List.of(
              country("RUS", "RU", "Russia", "Россия"),
              country("KAZ", "KZ", "Kazakhstan", "Казахстан"),
              country("ARM", "AM", "Armenia", "Армения"),
              country("CIV", "CI", "Côte d’Ivoire", "Кот-д’Ивуар"),
              country("MDA", "MD", "Moldova", "Молдова"),
              new Area("CIS", AreaKind.GROUP, "CIS", "СНГ", "", "")),
          List.of(
              indicator("VIOLENT_DEATH_RATE", Frequency.YEARLY),
              indicator("TERROR_INCIDENTS", Frequency.MONTHLY),
              indicator("DRUG_SEIZURES", Frequency.QUARTERLY),
              indicator("REPORTS_WEEKLY", Frequency.WEEKLY),
              indicator("CALLS_DAILY", Frequency.DAILY)));

  private Fixtures() {}

  static Area country(String code, String iso2, String en, String ru) {
    return new Area(code, AreaKind.COUNTRY, en, ru, iso2, "");
  }

  static Indicator indicator(String code, Frequency f) {
    return new Indicator(
        code,
        code,
        code,
        ThreatDomain.TERRORISM,
        "count",
        f,
        "",
        Polarity.RISE_IS_BAD,
        Aggregation.SUM,
        "test",
        false);
  }

  static ReadSpec.Builder spec(String file) {
    return ReadSpec.builder(REFERENCE, OWNER).fileName(file);
  }

  static ReadResult read(IngestFormat format, String text, ReadSpec spec) {
    return format
        .reader()
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), spec);
  }

  static ReadResult read(IngestFormat format, byte[] bytes, ReadSpec spec) {
    return format.reader().read(new ByteArrayInputStream(bytes), spec);
  }
}
