package org.vigil.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Indicator;
import org.vigil.timeseries.Period;

/**
 * JSON input in two shapes, alone or mixed in a top-level array:
 *
 * <ul>
 *   <li>an observation object: {@code {"indicator":"X","area":"RUS","period":"2024-03",
 *       "value":1.5,"flags":"P","source":"..."}};
 *   <li>a series object as the API prints it: {@code {"indicator":"X","area":"RUS",
 *       "observations":[{"period":"2024-03","value":1.5}, ...]}} (the array may also be called
 *       points, values or data).
 * </ul>
 *
 * Other properties are ignored. A null value is a value reported missing (NaN, flag M). Lines are
 * those where each object starts.
 */
final class JsonReader implements ObservationReader {
  // The caller owns the stream (the ingest service reads the rest for its checksum): never close
  // it.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
  private static final Set<String> SERIES_ARRAYS =
      Set.of("observations", "points", "values", "data");

  @Override
  public ReadResult read(InputStream in, ReadSpec spec) {
    RowCollector rc = new RowCollector(IngestFormat.JSON, spec);
    JsonFactory factory = MAPPER.getFactory();
    try (JsonParser p = factory.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        rc.reject(1, "json", "an array of observations or a series object", "an empty file");
      } else if (t == JsonToken.START_ARRAY) {
        for (t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
          element(p, t, rc);
        }
      } else {
        element(p, t, rc);
      }
      if (t != null && p.nextToken() != null) {
        rc.reject(line(p), "json", "nothing after the top-level value", p.getText());
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      rc.reject(line, "json", "well-formed JSON", e.getOriginalMessage());
    } catch (CharConversionException e) {
      rc.reject(1, "encoding", "UTF-8 text", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rc.result();
  }

  private static int line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  private static void element(JsonParser p, JsonToken t, RowCollector rc) throws IOException {
    int line = line(p);
    rc.countRow();
    if (t != JsonToken.START_OBJECT) {
      rc.reject(line, "json", "an observation or series object", p.getText());
      p.skipChildren();
      return;
    }
    ObjectNode head = MAPPER.createObjectNode();
    List<Integer> lines = new ArrayList<>();
    List<JsonNode> points = new ArrayList<>();
    boolean series = false;
    for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (SERIES_ARRAYS.contains(name) && v == JsonToken.START_ARRAY) {
        series = true;
        for (JsonToken e = p.nextToken();
            e != JsonToken.END_ARRAY && e != null;
            e = p.nextToken()) {
          lines.add(line(p));
          points.add(p.readValueAsTree());
        }
      } else {
        head.set(name, p.readValueAsTree());
      }
    }
    if (!series) {
      observation(line, head, head, rc);
      return;
    }
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        rc.countRow();
      }
      JsonNode point = points.get(i);
      if (!point.isObject()) {
        rc.reject(
            lines.get(i), "observations", "an object with period and value", point.toString());
      } else {
        observation(lines.get(i), head, point, rc);
      }
    }
  }

  /** One observation; indicator and area from the point or, in a series, from its head. */
  private static void observation(int line, JsonNode head, JsonNode point, RowCollector rc) {
    Optional<String> indicatorText = text(line, "indicator", field(head, point, "indicator"), rc);
    Optional<Indicator> ind = indicatorText.flatMap(c -> rc.indicator(line, "indicator", c));
    if (ind.isEmpty()) {
      return;
    }
    Optional<String> area =
        text(line, "area", field(head, point, "area"), rc).flatMap(a -> rc.area(line, "area", a));
    if (area.isEmpty()) {
      return;
    }
    Optional<Period> period =
        text(line, "period", point.path("period"), rc)
            .flatMap(s -> rc.period(line, "period", s, ind.get()));
    if (period.isEmpty()) {
      return;
    }
    JsonNode flagsNode = point.path("flags");
    Optional<String> flags =
        flagsNode.isMissingNode() || flagsNode.isNull()
            ? Optional.of("")
            : text(line, "flags", flagsNode, rc).flatMap(s -> rc.flags(line, "flags", s));
    if (flags.isEmpty()) {
      return;
    }
    Optional<Double> value = value(line, point.path("value"), flags.get(), rc);
    if (value.isEmpty()) {
      return;
    }
    String flagText =
        value.get().isNaN() && !RowCollector.hasFlag(flags.get(), "M")
            ? (flags.get().isEmpty() ? "M" : flags.get() + ",M")
            : flags.get();
    JsonNode sourceNode = field(head, point, "source");
    Optional<String> source =
        sourceNode.isTextual()
            ? rc.source(line, "source", sourceNode.asText())
            : Optional.of(rc.spec().defaultSource());
    source.ifPresent(
        s -> rc.add(line, "period", ind.get(), area.get(), period.get(), value.get(), flagText, s));
  }

  private static JsonNode field(JsonNode head, JsonNode point, String name) {
    JsonNode own = point.path(name);
    return own.isMissingNode() ? head.path(name) : own;
  }

  private static Optional<String> text(int line, String field, JsonNode node, RowCollector rc) {
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    if (node.isIntegralNumber() && "period".equals(field)) {
      return Optional.of(node.asText());
    }
    rc.reject(line, field, "a string", node.isMissingNode() ? "no " + field : node.toString());
    return Optional.empty();
  }

  private static Optional<Double> value(int line, JsonNode node, String flags, RowCollector rc) {
    if (node.isNull()) {
      return Optional.of(Double.NaN);
    }
    if (node.isNumber()) {
      double v = node.asDouble();
      if (Double.isFinite(v)) {
        return Optional.of(v);
      }
      rc.reject(line, "value", "a finite number", node.toString());
      return Optional.empty();
    }
    if (node.isTextual()) {
      return rc.value(line, "value", node.asText(), flags);
    }
    rc.reject(line, "value", "a number", node.isMissingNode() ? "no value" : node.toString());
    return Optional.empty();
  }
}
