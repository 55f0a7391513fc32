package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RendererDisplayTest {
  @ParameterizedTest
  @CsvSource({
    "10.000000000000002, 10",
    "-0.5156695156695157, -0.51567",
    "1.751191028442295E-4, 0.000175119",
    "4656063.0, 4656063",
    "2.5E-7, 2.500e-07",
    "0.0, 0",
    "123456789.0, 123456789",
    "1234567.891, 1234570",
    "-0.0, 0"
  })
  void display_roundsToSixSignificantDigits(double value, String expected) {
    assertThat(Renderer.display(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"RUS, RUS", "42, 42"})
  void display_leavesOtherValuesAlone(String value, String expected) {
    assertThat(Renderer.display(value)).isEqualTo(expected);
  }
}
