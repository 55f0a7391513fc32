package org.vigil.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.vigil.model.ThreatDomain;

/**
 * Retraining the threat-domain classifier from labelled texts: reading them from CSV, scoring the
 * retrained classifier by k-fold cross-validation beside the lexicon alone, and keeping the trained
 * models in a JSON file. Stateless; thread-safe.
 */
public final class DomainTraining {
  /** The header a labelled CSV file starts with. */
  public static final String HEADER = "text,domains";

  private static final String FORMAT = "vigil-domain-model/1";

  private DomainTraining() {}

  /**
   * Cross-validated scores.
   *
   * @param texts labelled texts
   * @param folds folds
   * @param exactMatch share of texts whose domains the retrained classifier finds exactly
   * @param microF1 micro F1 of the retrained classifier's domains
   * @param lexiconExactMatch the same for the shipped lexicon alone
   * @param lexiconMicroF1 the same for the shipped lexicon alone
   */
  public record Scores(
      int texts,
      int folds,
      double exactMatch,
      double microF1,
      double lexiconExactMatch,
      double lexiconMicroF1) {}

  /**
   * Reads labelled texts: a header {@value #HEADER}, then one text per record, its domains
   * separated by ';' (names as in {@link ThreatDomain}, e.g. DRUG_TRAFFICKING). Fields holding
   * commas, quotes or line breaks are quoted, quotes doubled. A bad record names its line.
   */
  public static List<DomainClassifier.Labelled> parseCsv(Reader in, String name)
      throws IOException {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    readRecords(in, records, lines);
    if (records.isEmpty()
        || !String.join(",", records.get(0)).strip().toLowerCase(Locale.ROOT).equals(HEADER)) {
      throw new IllegalArgumentException(
          name
              + " line 1: expected the header '"
              + HEADER
              + "', found '"
              + (records.isEmpty() ? "" : String.join(",", records.get(0)))
              + "'");
    }
    List<DomainClassifier.Labelled> out = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      String where = name + " line " + lines.get(r);
      if (rec.size() != 2 || rec.get(0).isBlank()) {
        throw new IllegalArgumentException(
            where
                + ": expected 2 fields (text, domains), found "
                + rec.size()
                + (rec.size() == 2 ? " with an empty text" : ""));
      }
      Set<ThreatDomain> domains = EnumSet.noneOf(ThreatDomain.class);
      for (String d : rec.get(1).split(";")) {
        if (d.isBlank()) {
          continue;
        }
        try {
          domains.add(ThreatDomain.valueOf(d.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              where
                  + ": unknown domain '"
                  + d.strip()
                  + "', expected one of "
                  + Arrays.toString(ThreatDomain.values()),
              e);
        }
      }
      out.add(new DomainClassifier.Labelled(rec.get(0), domains));
    }
    return out;
  }

  private static void readRecords(Reader in, List<List<String>> records, List<Integer> lines)
      throws IOException {
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    int c;
    while ((c = in.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          line += c == '\n' ? 1 : 0;
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\n') {
          if (any || field.length() > 0) {
            rec.add(field.toString());
            records.add(rec);
            lines.add(start);
          }
          rec = new ArrayList<>();
          field.setLength(0);
          any = false;
          line++;
          start = line;
        }
      } else {
        field.append((char) c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + start + ": a quoted field is not closed");
    }
    if (any || field.length() > 0) {
      rec.add(field.toString());
      records.add(rec);
      lines.add(start);
    }
  }

  /**
   * Scores retraining by k-fold cross-validation (folds drawn with the seed): each fold is
   * classified by the lexicon plus models trained on the other folds, and by the lexicon alone.
   */
  public static Scores crossValidate(
      DomainClassifier lexicon, List<DomainClassifier.Labelled> texts, int folds, long seed) {
    if (folds < 2 || texts.size() < 2 * folds) {
      throw new IllegalArgumentException(
          "Cross-validation with "
              + folds
              + " folds needs at least 2 folds and "
              + 2 * folds
              + " labelled texts, found "
              + texts.size());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] model = new int[4];
    int[] lex = new int[4];
    for (int f = 0; f < folds; f++) {
      List<DomainClassifier.Labelled> train = new ArrayList<>();
      List<DomainClassifier.Labelled> test = new ArrayList<>();
      for (int k = 0; k < order.size(); k++) {
        (k % folds == f ? test : train).add(texts.get(order.get(k)));
      }
      DomainClassifier trained = lexicon.train(train);
      for (DomainClassifier.Labelled l : test) {
        List<Token> tokens = Tokenizer.tokens(l.text());
        count(l.domains(), found(trained, tokens), model);
        count(l.domains(), found(lexicon, tokens), lex);
      }
    }
    double n = texts.size();
    return new Scores(texts.size(), folds, model[3] / n, f1(model), lex[3] / n, f1(lex));
  }

  private static Set<ThreatDomain> found(DomainClassifier c, List<Token> tokens) {
    Set<ThreatDomain> out = EnumSet.noneOf(ThreatDomain.class);
    c.classify(tokens).forEach(d -> out.add(d.domain()));
    return out;
  }

  /** Adds true positives, false positives, false negatives and exact matches. */
  private static void count(Set<ThreatDomain> gold, Set<ThreatDomain> found, int[] acc) {
    for (ThreatDomain d : found) {
      acc[gold.contains(d) ? 0 : 1]++;
    }
    for (ThreatDomain d : gold) {
      acc[2] += found.contains(d) ? 0 : 1;
    }
    acc[3] += gold.equals(found) ? 1 : 0;
  }

  private static double f1(int[] acc) {
    int denom = 2 * acc[0] + acc[1] + acc[2];
    return denom == 0 ? 0 : 2.0 * acc[0] / denom;
  }

  /** Writes the classifier's trained models as JSON (atomically: a temp file, then a move). */
  public static void write(DomainClassifier classifier, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("format", FORMAT);
    ObjectNode models = root.putObject("models");
    classifier.models().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ObjectNode m = models.putObject(e.getKey().name());
              e.getValue().classes().forEach(m.putArray("classes")::add);
              e.getValue().features().forEach(m.putArray("features")::add);
              ArrayNode w = m.putArray("weights");
              for (double[] row : e.getValue().weights()) {
                ArrayNode r = w.addArray();
                for (double v : row) {
                  r.add(v);
                }
              }
            });
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, json.writeValueAsString(root), StandardCharsets.UTF_8);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads models written by {@link #write} into the given (lexicon) classifier. */
  public static DomainClassifier read(DomainClassifier lexicon, Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          file
              + ": expected a domain model file of format "
              + FORMAT
              + ", found "
              + (root == null ? "nothing" : "'" + root.path("format").asText() + "'")
              + "; retrain with `vigil docs train FILE`");
    }
    Map<ThreatDomain, LinearModel> models = new EnumMap<>(ThreatDomain.class);
    var it = root.path("models").fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode m = e.getValue();
      List<String> classes = strings(m.path("classes"));
      List<String> features = strings(m.path("features"));
      double[][] w = new double[m.path("weights").size()][];
      for (int r = 0; r < w.length; r++) {
        JsonNode row = m.path("weights").get(r);
        w[r] = new double[row.size()];
        for (int j = 0; j < w[r].length; j++) {
          w[r][j] = row.get(j).asDouble();
        }
        if (w[r].length != features.size() + 1) {
          throw new IllegalArgumentException(
              file
                  + ": model "
                  + e.getKey()
                  + " row "
                  + r
                  + " has "
                  + w[r].length
                  + " weights, expected "
                  + (features.size() + 1));
        }
      }
      models.put(ThreatDomain.valueOf(e.getKey()), new LinearModel(classes, features, w));
    }
    return lexicon.withModels(models);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
