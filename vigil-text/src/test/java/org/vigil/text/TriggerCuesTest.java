package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TriggerCuesTest {
  private static Map<String, Set<String>> cues(String sentence) {
    List<Token> tokens = Tokenizer.tokens(sentence);
    Map<String, Set<String>> out = new HashMap<>();
    TriggerCues.add(
        tokens,
        EventCoder.standard().triggers().findAll(tokens),
        (category, cue) -> out.computeIfAbsent(category, k -> new TreeSet<>()).add(cue));
    return out;
  }

  @Test
  void cues_tellTheMainVerbFromAPurposeClause() {
    Map<String, Set<String>> c =
        cues("Students staged demonstrations on Saturday to demand political reforms.");
    assertThat(c.get("PROTEST")).contains("cue:rank1", "cue:own-word", "cue:s");
    assertThat(c.get("PROTEST")).doesNotContain("cue:after-to", "cue:second-half");
    assertThat(c.get("DEMAND")).contains("cue:rank2", "cue:after-to", "cue:second-half");
    assertThat(c.get("DEMAND")).doesNotContain("cue:first-verb");
  }

  @Test
  void cues_markAWordTwoCategoriesShare() {
    Map<String, Set<String>> c = cues("Gunmen killed three villagers.");
    assertThat(c.get("FIGHT")).contains("cue:shared-words", "cue:past", "cue:first-verb");
    assertThat(c.get("ASSAULT")).contains("cue:own-word");
  }

  @Test
  void cues_workOnRussianTriggers() {
    Map<String, Set<String>> c = cues("Правительство осудило нападение на посольство.");
    assertThat(c).isNotEmpty();
    assertThat(c.values().iterator().next()).contains("cue:rank1");
  }
}
