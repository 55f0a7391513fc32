package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalSyntaxTest {
  /** The grammar the hand-written check implements, as a regular expression (the reference). */
  private static final Pattern GRAMMAR =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

  @ParameterizedTest
  @CsvSource({
    "12, true", "-1.5, true", "+.5, true", "3., true", "1e5, true", "2.5E-10, true",
    "1e12345, false", "., false", "'', false", "NaN, false", "Infinity, false", "0x1p3, false",
    "1d, false", "'1,5', false", "1e, false", "-, false", "١٢, false"
  })
  void isDecimal_examples(String text, boolean expected) {
    assertThat(RowCollector.isDecimal(text)).isEqualTo(expected);
  }

  @Property(tries = 5000, seed = "20261129")
  void isDecimal_agreesWithTheGrammar(
      @ForAll @Chars({'0', '1', '9', '+', '-', '.', 'e', 'E', 'x', ' '}) @StringLength(max = 9)
          String text) {
    assertThat(RowCollector.isDecimal(text)).isEqualTo(GRAMMAR.matcher(text).matches());
  }
}
