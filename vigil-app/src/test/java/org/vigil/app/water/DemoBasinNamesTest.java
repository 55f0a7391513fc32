package org.vigil.app.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoBasinNamesTest {
  @Test
  void russian_everyNodeOfEveryDemoBasin_hasACyrillicNameOfItsOwn() {
    for (DemoBasin b : DemoBasins.all()) {
      List<String> nodes = DemoBasinNames.nodeNames(b);
      Map<String, String> ru = DemoBasinNames.russian(b);
      assertThat(ru.keySet()).as(b.code()).containsExactlyElementsOf(nodes);
      assertThat(ru.values()).as(b.code()).allMatch(n -> n.matches(".*[А-Яа-яЁё].*"));
      assertThat(new HashSet<>(ru.values())).as(b.code() + ": distinct").hasSize(nodes.size());
    }
  }

  @Test
  void russian_unknownName_isEmpty() {
    assertThat(DemoBasinNames.russian("Nile")).isEmpty();
    assertThat(DemoBasinNames.russian("Toktogul")).contains("Токтогульское");
  }
}
