package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Countries of coded events: possessives ("Turkey's"), demonyms and capitals of other states name
 * their state; a people within another state ("ethnic Albanians", "Bosnian Serbs") does not, an
 * "according to ..." clause is attribution, not an actor, and after the event word only the first
 * state and those coordinated with it are the target, later ones being settings or third parties.
 */
class CountryCodingTest {
  private static final TextEngine ENGINE = TextEngine.standard();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Portugal will support Turkey's efforts to join the union.|PRT TUR",
        "Gambian President will visit Senegal to mediate.|GMB SEN",
        "Tehran rejected the proposal of Ankara.|IRN TUR",
        "Serb forces killed three ethnic Albanians in Serbia.|SRB",
        "Bosnian Serbs demanded a truce.|BIH",
        "Police arrested a missionary in Lebanon, according to the Israeli press.|LBN",
        "Russia closed its borders with Iran and Turkey because of fighting in Azerbaijan.|RUS IRN TUR",
        "Kazakhstan sent aid to Kyrgyzstan after floods that also hit Uzbekistan.|KAZ KGZ",
        "Pakistan threatened to cut ties with Nepal, Costa Rica or Chad over Israel.|PAK NPL CRI TCD"
      })
  void eventCountries(String sentence, String expected) {
    Set<String> found =
        ENGINE.codeSentence(sentence).map(Extraction.EventFinding::countries).orElse(Set.of());
    assertThat(found).containsExactlyInAnyOrder(expected.split(" "));
  }
}
