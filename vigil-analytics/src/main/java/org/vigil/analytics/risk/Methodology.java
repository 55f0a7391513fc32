package org.vigil.analytics.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.InvalidInputException;

/**
 * A versioned risk methodology: per domain (a threat domain, or any name such as INFORM) the tree
 * that scores it, plus the missing-data rule. Read from JSON with {@link #parse}; errors name the
 * source, the JSON path, what was expected and what was found. The JSON format is documented in
 * docs/risk-methodology.md.
 *
 * @param id identifier, e.g. vigil-default
 * @param version semantic version of this methodology
 * @param title one line
 * @param description what it measures and why
 * @param minCoverage a group is scored only when its children with data carry at least this share
 *     of its weight (the rest are re-weighted away); otherwise it is missing
 * @param domains the tree of each domain, in file order
 */
public record Methodology(
    String id,
    String version,
    String title,
    String description,
    double minCoverage,
    Map<String, RiskNode.Group> domains) {

  public Methodology {
    if (id == null || id.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("Methodology needs an id and a version");
    }
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException(
          "Methodology minCoverage must be in [0, 1], found " + minCoverage);
    }
    if (domains == null || domains.isEmpty()) {
      throw new IllegalArgumentException("Methodology " + id + " needs at least one domain");
    }
    domains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domains));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Vigil's default methodology for its threat domains (see docs/risk-methodology.md). */
  public static Methodology vigilDefault() {
    return resource("vigil-default.json");
  }

  /** The INFORM preset: Risk = HE^1/3 x V^1/3 x LCC^1/3 over pre-scored components. */
  public static Methodology inform() {
    return resource("inform.json");
  }

  /** The built-in methodologies, parsed once: a methodology is immutable. */
  private static final Map<String, Methodology> BUILT_IN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Methodology resource(String name) {
    return BUILT_IN.computeIfAbsent(name, Methodology::readResource);
  }

  private static Methodology readResource(String name) {
    try (InputStream in = Methodology.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing methodology resource " + name);
      }
      return parse(in, name);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read methodology resource " + name, e);
    }
  }

  /**
   * Reads a methodology.
   *
   * @param source a name for messages (file name)
   * @throws InvalidInputException naming the source, path, expectation and finding
   */
  public static Methodology parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new InvalidInputException(
          source + ": not valid JSON (" + e.getMessage() + "); fix the syntax");
    }
    return new Reader(source).methodology(root);
  }

  /** Every input key the trees read (indicator codes, denominators, score keys). */
  public List<String> inputKeys() {
    List<String> keys = new ArrayList<>();
    domains.values().forEach(g -> collectKeys(g, keys));
    return keys.stream().distinct().sorted().toList();
  }

  private static void collectKeys(RiskNode n, List<String> out) {
    if (n instanceof RiskNode.Group g) {
      g.children().forEach(c -> collectKeys(c, out));
    } else if (n instanceof RiskNode.IndicatorLeaf l) {
      out.add(l.indicator());
      if (!l.per().isEmpty()) {
        out.add(l.per());
      }
    } else if (n instanceof RiskNode.ScoreLeaf s) {
      out.add(s.key());
    }
  }

  /** JSON to records, with paths in every error. */
  private static final class Reader {
    private final String source;
    private Map<String, JsonNode> shared = Map.of();

    Reader(String source) {
      this.source = source;
    }

    Methodology methodology(JsonNode root) {
      if (!root.isObject()) {
        throw error("$", "a JSON object", root.getNodeType().toString());
      }
      shared = new LinkedHashMap<>();
      root.path("shared").fields().forEachRemaining(e -> shared.put(e.getKey(), e.getValue()));
      JsonNode doms = root.path("domains");
      if (!doms.isObject() || doms.size() == 0) {
        throw error("$.domains", "an object with one tree per domain", doms.toString());
      }
      Map<String, RiskNode.Group> trees = new LinkedHashMap<>();
      doms.fields()
          .forEachRemaining(
              e -> {
                RiskNode n = node(e.getValue(), "$.domains." + e.getKey(), 0);
                if (!(n instanceof RiskNode.Group g)) {
                  throw error("$.domains." + e.getKey(), "a group with children", "a leaf");
                }
                trees.put(e.getKey(), g);
              });
      return new Methodology(
          text(root, "id", "$"),
          text(root, "version", "$"),
          root.path("title").asText(""),
          root.path("description").asText(""),
          root.path("missing").path("minCoverage").asDouble(0.5),
          trees);
    }

    private RiskNode node(JsonNode n, String path, int depth) {
      if (depth > 12) {
        throw error(path, "a tree at most 12 levels deep", "deeper (a 'ref' cycle?)");
      }
      if (n.has("ref")) {
        String ref = n.get("ref").asText();
        JsonNode target = shared.get(ref);
        if (target == null) {
          throw error(path + ".ref", "the name of a tree under $.shared " + shared.keySet(), ref);
        }
        RiskNode r = node(target, "$.shared." + ref, depth + 1);
        double w = n.path("weight").asDouble(r.weight());
        return reweigh(r, w);
      }
      String id = text(n, "id", path);
      String name = n.path("name").asText(id);
      double weight = n.path("weight").asDouble(1.0);
      try {
        if (n.has("children")) {
          List<RiskNode> kids = new ArrayList<>();
          for (int i = 0; i < n.get("children").size(); i++) {
            kids.add(node(n.get("children").get(i), path + ".children[" + i + "]", depth + 1));
          }
          return new RiskNode.Group(id, name, weight, aggregator(n, path), kids);
        }
        if (n.has("score")) {
          return new RiskNode.ScoreLeaf(
              id, name, weight, n.get("score").asText(), n.path("invert").asBoolean(false));
        }
        if (n.has("indicator")) {
          return indicator(n, id, name, weight, path);
        }
      } catch (IllegalArgumentException e) {
        throw error(path, "a valid node", e.getMessage());
      }
      throw error(path, "'children', 'indicator', 'score' or 'ref'", n.toString());
    }

    private RiskNode.IndicatorLeaf indicator(
        JsonNode n, String id, String name, double weight, String path) {
      JsonNode t = n.path("transform");
      JsonNode w = t.path("winsorise");
      JsonNode norm = n.path("normalise");
      String method = norm.path("method").asText("MINMAX").toUpperCase(Locale.ROOT);
      RiskNode.Normalisation nm;
      try {
        nm = RiskNode.Normalisation.valueOf(method);
      } catch (IllegalArgumentException e) {
        throw error(path + ".normalise.method", "MINMAX or RANK", method);
      }
      return new RiskNode.IndicatorLeaf(
          id,
          name,
          weight,
          n.get("indicator").asText(),
          n.path("per").asText(""),
          n.path("perScale").asDouble(1.0),
          t.path("log").asBoolean(false),
          w.isArray() ? w.get(0).asDouble() : 0,
          w.isArray() ? w.get(1).asDouble() : 1,
          nm,
          norm.has("min") ? norm.get("min").asDouble() : Double.NaN,
          norm.has("max") ? norm.get("max").asDouble() : Double.NaN,
          n.path("invert").asBoolean(false));
    }

    private Aggregator aggregator(JsonNode n, String path) {
      String a = n.path("aggregation").asText("ARITHMETIC").toUpperCase(Locale.ROOT);
      try {
        return Aggregator.valueOf(a);
      } catch (IllegalArgumentException e) {
        throw error(path + ".aggregation", "ARITHMETIC, GEOMETRIC or ADJUSTED_GEOMETRIC", a);
      }
    }

    private static RiskNode reweigh(RiskNode r, double w) {
      if (r instanceof RiskNode.Group g) {
        return new RiskNode.Group(g.id(), g.name(), w, g.aggregation(), g.children());
      }
      if (r instanceof RiskNode.ScoreLeaf s) {
        return new RiskNode.ScoreLeaf(s.id(), s.name(), w, s.key(), s.invert());
      }
      RiskNode.IndicatorLeaf l = (RiskNode.IndicatorLeaf) r;
      return new RiskNode.IndicatorLeaf(
          l.id(),
          l.name(),
          w,
          l.indicator(),
          l.per(),
          l.perScale(),
          l.log(),
          l.winsorLow(),
          l.winsorHigh(),
          l.normalisation(),
          l.min(),
          l.max(),
          l.invert());
    }

    private String text(JsonNode n, String field, String path) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw error(path + "." + field, "a non-empty string", v == null ? "nothing" : v.toString());
      }
      return v.asText();
    }

    private InvalidInputException error(String path, String expected, String found) {
      return new InvalidInputException(
          source
              + ": at "
              + path
              + ": expected "
              + expected
              + ", found "
              + found
              + "; fix the methodology file");
    }
  }
}
