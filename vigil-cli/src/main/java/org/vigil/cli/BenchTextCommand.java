package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.model.InvalidInputException;
import org.vigil.text.PloverEvaluation;
import org.vigil.text.PloverGold;
import org.vigil.text.TextEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil bench text --plover FILE}: scores PLOVER event coding on gold sentences. */
@Command(
    name = "text",
    mixinStandardHelpOptions = true,
    description =
        "Score event coding on PLOVER gold sentences: category accuracy (model, lexicon only,"
            + " majority class), macro F1 of modes and contexts, country F1.")
final class BenchTextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--plover", description = "Gold PLOVER JSON file to score on.")
  Path plover;

  @Option(
      names = "--docs",
      paramLabel = "N",
      description =
          "Instead: ingest N seeded synthetic texts into an in-memory store and index, then time"
              + " searches (median of 200) beside a plain Lucene term query on the same index.")
  int docs;

  @Option(
      names = "--train",
      description = "Train on this PLOVER JSON file instead of cross-validating on --plover.")
  Path train;

  @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds.")
  int folds;

  @Option(names = "--seed", defaultValue = "42", description = "Seed that draws the folds.")
  long seed;

  @Override
  public Integer call() {
    if (docs > 0) {
      return BenchTextDocs.run(VigilCommand.of(spec), docs, seed);
    }
    if (plover == null) {
      throw new InvalidInputException(
          "bench text: expected --plover FILE (event coding) or --docs N (ingest and search)");
    }
    List<PloverGold> gold = read(plover);
    TextEngine engine = TextEngine.standard();
    PloverEvaluation.Result r =
        train == null
            ? PloverEvaluation.crossValidate(engine, gold, folds, seed)
            : PloverEvaluation.trainAndTest(engine, read(train), gold);
    Renderer out = VigilCommand.of(spec).renderer();
    out.note("PLOVER event coding on " + r.sentences() + " sentences; model: " + r.method());
    Table t = Table.of("measure", "value");
    t.row("category accuracy (model)", f(r.accuracy()));
    t.row("category accuracy (lexicon only)", f(r.lexiconAccuracy()));
    t.row("category accuracy (majority: " + r.majorityClass() + ")", f(r.majorityAccuracy()));
    t.row("mode macro F1 (lexicon)", f(r.modeMacroF1()));
    t.row("context macro F1 (lexicon)", f(r.contextMacroF1()));
    t.row("country precision (model)", f(r.countryPrecision()));
    t.row("country recall (model)", f(r.countryRecall()));
    t.row("country F1 (model)", f(r.countryF1()));
    t.row("country F1 (lexicon only)", f(r.lexiconCountryF1()));
    out.print(t);
    return VigilCommand.OK;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static List<PloverGold> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return PloverGold.parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          "PLOVER file " + file + " not found: give the path of a JSON array of PLOVER records");
    } catch (IOException e) {
      throw new InvalidInputException(
          "PLOVER file " + file + " is not readable JSON: " + e.getMessage());
    }
  }
}
