package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.ThreatDomain;

class DomainTrainingTest {
  @TempDir Path dir;

  /**
   * Texts about "smurfing" (splitting cash into small deposits) are organised crime, a word the
   * shipped lexicon does not know; texts about floods are water, about inflation economic.
   */
  static List<DomainClassifier.Labelled> labelled() {
    List<DomainClassifier.Labelled> out = new ArrayList<>();
    String[] places = {"Osh", "Almaty", "Khujand", "Minsk", "Baku", "Gomel", "Omsk", "Aktobe"};
    for (int i = 0; i < 8; i++) {
      out.add(
          new DomainClassifier.Labelled(
              "Investigators in "
                  + places[i]
                  + " uncovered a smurfing scheme of "
                  + (i + 3)
                  + " couriers who split cash into small deposits.",
              Set.of(ThreatDomain.ORGANISED_CRIME)));
      out.add(
          new DomainClassifier.Labelled(
              "The river flooded " + (i + 2) + " villages near " + places[i] + " after heavy rain.",
              Set.of(ThreatDomain.WATER)));
      out.add(
          new DomainClassifier.Labelled(
              "Inflation in " + places[i] + " reached " + (i + 5) + " percent as prices rose.",
              Set.of(ThreatDomain.ECONOMIC)));
    }
    return out;
  }

  @Test
  void parseCsv_readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    String csv =
        "text,domains\n"
            + "\"Police seized heroin, 4 kg, at the \"\"Dostyk\"\" post\nnear the border.\","
            + "DRUG_TRAFFICKING;organised_crime\n"
            + "Floods hit the valley,WATER\n";
    List<DomainClassifier.Labelled> l = DomainTraining.parseCsv(new StringReader(csv), "f.csv");
    assertThat(l).hasSize(2);
    assertThat(l.get(0).text())
        .isEqualTo("Police seized heroin, 4 kg, at the \"Dostyk\" post\nnear the border.");
    assertThat(l.get(0).domains())
        .containsExactlyInAnyOrder(ThreatDomain.DRUG_TRAFFICKING, ThreatDomain.ORGANISED_CRIME);
    assertThat(l.get(1).domains()).containsExactly(ThreatDomain.WATER);
  }

  @Test
  void parseCsv_badInputNamesTheLineAndTheRule() {
    assertThatThrownBy(
            () -> DomainTraining.parseCsv(new StringReader("body,labels\nx,WATER\n"), "f.csv"))
        .hasMessageContaining("f.csv line 1: expected the header 'text,domains'");
    assertThatThrownBy(
            () ->
                DomainTraining.parseCsv(
                    new StringReader("text,domains\na,WATER\n\"b\nc\",PIRACY\n"), "f.csv"))
        .hasMessageContaining("f.csv line 3: unknown domain 'PIRACY'");
    assertThatThrownBy(
            () -> DomainTraining.parseCsv(new StringReader("text,domains\na,WATER,x\n"), "f.csv"))
        .hasMessageContaining("f.csv line 2: expected 2 fields (text, domains), found 3");
  }

  @Test
  void crossValidate_retrainingLearnsAWordTheLexiconLacks_andIsDeterministic() {
    DomainClassifier lexicon = DomainClassifier.standard();
    DomainTraining.Scores s = DomainTraining.crossValidate(lexicon, labelled(), 4, 7);
    assertThat(s.texts()).isEqualTo(24);
    assertThat(s.lexiconExactMatch()).isLessThan(0.7);
    assertThat(s.exactMatch()).isEqualTo(1.0);
    assertThat(s.microF1()).isGreaterThan(s.lexiconMicroF1());
    assertThat(DomainTraining.crossValidate(lexicon, labelled(), 4, 7)).isEqualTo(s);
  }

  @Test
  void writeAndRead_giveTheSameClassification() throws Exception {
    DomainClassifier trained = DomainClassifier.standard().train(labelled());
    Path file = dir.resolve("m/domain-model.json");
    DomainTraining.write(trained, file);
    DomainClassifier back = DomainTraining.read(DomainClassifier.standard(), file);
    List<Token> t =
        Tokenizer.tokens("Investigators found a smurfing scheme of couriers in Bishkek.");
    assertThat(back.classify(t)).isEqualTo(trained.classify(t));
    assertThat(back.classify(t).get(0).domain()).isEqualTo(ThreatDomain.ORGANISED_CRIME);
    Files.writeString(file, "{\"format\":\"other\"}");
    assertThatThrownBy(() -> DomainTraining.read(DomainClassifier.standard(), file))
        .hasMessageContaining("expected a domain model file of format vigil-domain-model/1");
  }
}
