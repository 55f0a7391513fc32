package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts full of person names: none survives into what the engine returns. */
class NameRedactorTest {
  private static final TextEngine ENGINE = TextEngine.standard();

  private static final List<String> NAMES =
      List.of(
          "Warren",
          "Christopher",
          "Andrei",
          "Kozyrev",
          "Museveni",
          "Smith",
          "Akhmetov",
          "Иван",
          "Петров",
          "Иванович",
          "Сергеевна",
          "Алиев",
          "Марат",
          "Gulnara",
          "Karimova");

  private static final List<String> TEXTS =
      List.of(
          "U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister Andrei Kozyrev on Tuesday.",
          "President Museveni banned opposition rallies in Uganda, J. Smith reported.",
          "Minister Akhmetov said Kazakhstan will tighten border control.",
          "Gulnara Karimova met officials in Tashkent.",
          "Министр Иван Петров заявил, что Россия усилит охрану границы.",
          "Председатель комитета Марат Алиев встретился с делегацией Казахстана.",
          "Анна Сергеевна Иванова сообщила о задержании в Бишкеке.",
          "Посол Петров прибыл в Минск, сообщил Иван Иванович.");

  @Test
  void namesNeverReachTheStoredTextOrTheExtraction() {
    for (String t : TEXTS) {
      Extraction x = ENGINE.analyse(t, LocalDate.of(2025, 1, 1));
      String all = x.toString();
      for (String n : NAMES) {
        assertThat(all).as("text: %s", t).doesNotContain(n);
      }
    }
  }

  @Test
  void placesAndInstitutionsStay() {
    Extraction x =
        ENGINE.analyse(
            "The Supreme Court of Kazakhstan and the Ministry of Interior met in Almaty.",
            LocalDate.of(2025, 1, 1));
    assertThat(x.text()).contains("Supreme Court", "Kazakhstan", "Ministry of Interior", "Almaty");
  }
}
