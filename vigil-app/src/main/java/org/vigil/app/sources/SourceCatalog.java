package org.vigil.app.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.Aggregation;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Frequency;

/**
 * The public sources Vigil knows: the built-in catalogue ({@code /sources/sources.json}), plus the
 * sources of the file named by {@code VIGIL_SOURCES_FILE} (same shape; a source of the same name
 * replaces the built-in one), with base URLs replaced by {@code VIGIL_SOURCE_URL_<NAME>}. Also
 * names the organisation that owns what is pulled. Immutable.
 */
public final class SourceCatalog {
  static final String RESOURCE = "/sources/sources.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String owner;
  private final Map<String, SourceSpec> sources;

  private SourceCatalog(String owner, Map<String, SourceSpec> sources) {
    this.owner = owner;
    this.sources = Map.copyOf(sources);
  }

  /** The built-in catalogue. */
  public static SourceCatalog builtIn() {
    try (InputStream in = SourceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + RESOURCE + " is missing from the build");
      }
      return parse(RESOURCE, JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The built-in catalogue with the environment's extra file and base-URL overrides applied. */
  public static SourceCatalog fromEnvironment(Map<String, String> env) {
    SourceCatalog c = builtIn();
    String file = env.get("VIGIL_SOURCES_FILE");
    if (file != null && !file.isBlank()) {
      c = c.plus(read(Path.of(file.trim())));
    }
    for (SourceSpec s : c.sources()) {
      String url = env.get(urlVariable(s.name()));
      if (url != null && !url.isBlank()) {
        c = c.withBaseUrl(s.name(), url.trim());
      }
    }
    return c;
  }

  /** The environment variable that replaces a source's base URL: VIGIL_SOURCE_URL_WORLDBANK_WDI. */
  public static String urlVariable(String name) {
    return "VIGIL_SOURCE_URL_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** A catalogue read from a file (the shape of the built-in one). */
  public static SourceCatalog read(Path file) {
    try {
      return parse(file.toString(), JSON.readTree(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot read the sources file " + file + ": " + e.getMessage());
    }
  }

  /** This catalogue with {@code other}'s sources added (replacing those of the same name). */
  public SourceCatalog plus(SourceCatalog other) {
    Map<String, SourceSpec> all = new LinkedHashMap<>(sources);
    all.putAll(other.sources);
    return new SourceCatalog(owner, all);
  }

  /** The same catalogue with one source read from another address. */
  public SourceCatalog withBaseUrl(String name, String url) {
    Map<String, SourceSpec> all = new LinkedHashMap<>(sources);
    all.put(name, find(name).withBaseUrl(url));
    return new SourceCatalog(owner, all);
  }

  /** The organisation that owns pulled data (PUBLIC). */
  public String owner() {
    return owner;
  }

  /** Every source, by name. */
  public List<SourceSpec> sources() {
    return sources.values().stream()
        .sorted(java.util.Comparator.comparing(SourceSpec::name))
        .toList();
  }

  /**
   * The source of this name.
   *
   * @throws InvalidInputException naming the known sources when there is none
   */
  public SourceSpec find(String name) {
    SourceSpec s = sources.get(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new InvalidInputException(
          "Unknown source '"
              + name
              + "': expected one of "
              + sources().stream().map(SourceSpec::name).toList()
              + " (see: vigil sources list)");
    }
    return s;
  }

  private static SourceCatalog parse(String where, JsonNode root) {
    if (root == null || !root.path("sources").isArray()) {
      throw new InvalidInputException(where + ": expected an object with a 'sources' array");
    }
    Map<String, SourceSpec> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode s : root.path("sources")) {
      String at = where + ", sources[" + i++ + "]";
      try {
        SourceSpec spec = source(at, s);
        out.put(spec.name(), spec);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(at + ": " + e.getMessage());
      }
    }
    return new SourceCatalog(root.path("owner").asText("SECRETARIAT"), out);
  }

  private static SourceSpec source(String at, JsonNode s) {
    List<IndicatorMapping> indicators = new ArrayList<>();
    int j = 0;
    for (JsonNode m : s.path("indicators")) {
      ValueScale scale = scale(m, "indicators[" + j++ + "].scale");
      indicators.add(
          new IndicatorMapping(
              text(m, "sourceCode"),
              text(m, "indicator"),
              text(m, "nameEn"),
              text(m, "nameRu"),
              ThreatDomain.valueOf(upper(m, "domain")),
              text(m, "unit"),
              Frequency.valueOf(upper(m, "frequency")),
              Polarity.valueOf(upper(m, "polarity")),
              Aggregation.valueOf(upper(m, "aggregation")),
              scale));
    }
    List<String> areas = new ArrayList<>();
    s.path("areas").forEach(a -> areas.add(a.asText().trim().toUpperCase(Locale.ROOT)));
    Map<String, String> areaCodes = new LinkedHashMap<>();
    s.path("areaCodes")
        .fields()
        .forEachRemaining(e -> areaCodes.put(e.getKey(), e.getValue().asText()));
    return new SourceSpec(
        text(s, "name"),
        SourceKind.parse(text(s, "connector"), at),
        text(s, "baseUrl"),
        text(s, "dataset"),
        areas,
        text(s, "licence"),
        text(s, "citation"),
        text(s, "descriptionEn"),
        text(s, "descriptionRu"),
        indicators,
        areaCodes,
        text(s, "areaDimension"),
        text(s, "formatParameter"),
        text(s, "tokenVariable"));
  }

  /** The mapping's optional "scale" (SHARE, PERCENT_RATIO, OTHER); null when it gives none. */
  private static ValueScale scale(JsonNode m, String path) {
    String t = text(m, "scale").strip();
    if (t.isEmpty()) {
      return null;
    }
    return ValueScale.fromText(t)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    path
                        + ": expected SHARE (a part of a whole, 0 to 100), PERCENT_RATIO (a ratio in"
                        + " percent, may exceed 100) or OTHER, found '"
                        + t
                        + "'"));
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).asText("");
  }

  private static String upper(JsonNode n, String field) {
    String v = text(n, field).trim().toUpperCase(Locale.ROOT);
    if (v.isEmpty()) {
      throw new IllegalArgumentException("indicator mapping needs '" + field + "'");
    }
    return v;
  }
}
