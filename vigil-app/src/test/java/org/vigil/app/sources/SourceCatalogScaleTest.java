package org.vigil.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.InvalidInputException;
import org.vigil.model.ValueScale;

/**
 * A sources file (VIGIL_SOURCES_FILE) may give an indicator mapping a "scale": the indicator a pull
 * creates takes it; without one a unit in percent is a share; a value that names no scale, or a
 * ratio for a unit not in percent, is refused naming the file, the source and the field.
 */
class SourceCatalogScaleTest {
  @TempDir Path dir;

  private Path file(String unit, String scale) throws IOException {
    String json =
        """
        {"sources": [{
          "name": "owid-water-stress", "connector": "owid", "baseUrl": "https://ourworldindata.org",
          "dataset": "water-stress", "areas": ["KAZ", "UZB"], "licence": "CC BY 4.0",
          "citation": "test", "descriptionEn": "Water stress", "descriptionRu": "Водный стресс",
          "indicators": [{
            "sourceCode": "Water stress", "indicator": "WATER_STRESS_OWID",
            "nameEn": "Water stress", "nameRu": "Водный стресс", "domain": "WATER",
            "unit": "%s", "frequency": "YEARLY", "polarity": "RISE_IS_BAD",
            "aggregation": "MEAN"%s
          }]
        }]}
        """
            .formatted(unit, scale == null ? "" : ", \"scale\": \"" + scale + "\"");
    return Files.writeString(dir.resolve("sources.json"), json);
  }

  private static ValueScale scaleOf(Path f) {
    return SourceCatalog.read(f)
        .find("owid-water-stress")
        .indicators()
        .get(0)
        .toIndicator("test")
        .scale();
  }

  @Test
  void read_declaredScale_isTheCreatedIndicators() throws IOException {
    assertThat(scaleOf(file("%", "percent-ratio"))).isEqualTo(ValueScale.PERCENT_RATIO);
    assertThat(scaleOf(file("%", null))).isEqualTo(ValueScale.SHARE);
    assertThat(scaleOf(file("m3", null))).isEqualTo(ValueScale.OTHER);
  }

  @Test
  void read_unknownScale_namesFileSourceAndField() throws IOException {
    Path f = file("%", "RATIO");
    assertThatThrownBy(() -> SourceCatalog.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            f
                + ", sources[0]: indicators[0].scale: expected SHARE (a part of a whole, 0 to 100),"
                + " PERCENT_RATIO (a ratio in percent, may exceed 100) or OTHER, found 'RATIO'");
  }

  @Test
  void read_ratioForAUnitNotInPercent_isRefused() throws IOException {
    Path f = file("m3 per person", "PERCENT_RATIO");
    assertThatThrownBy(() -> SourceCatalog.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "sources[0]: Mapping of 'Water stress': scale PERCENT_RATIO needs a unit in percent");
  }
}
