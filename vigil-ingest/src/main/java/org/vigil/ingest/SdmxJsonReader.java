package org.vigil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SDMX-JSON data messages, versions 1.0 ({@code data.structure}) and 2.0 ({@code data.structures}
 * with each data set's {@code structure} index); the pre-1.0 layout with {@code dataSets} and
 * {@code structure} at the top also reads. Series keys ("0:1:2") and observation keys index into
 * the structure's dimension values; observation arrays hold the value then attribute value indexes.
 * A data set's {@code validFrom} is its vintage. JSON has no lines that survive parsing into a
 * tree, so rejections name the JSON path instead ({@code dataSets[0].series["0:1:2"]...}).
 */
final class SdmxJsonReader implements ObservationReader {
  // The caller owns the stream (it checksums what is left after the reader): never close it here.
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
  private final SdmxMapping mapping;

  SdmxJsonReader(SdmxMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public ReadResult read(InputStream in, ReadSpec spec) {
    RowCollector rc = new RowCollector(IngestFormat.SDMX_JSON, spec);
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      rc.reject(Math.max(1, line), "json", "well-formed JSON", e.getOriginalMessage());
      return rc.result();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      rc.reject(1, "json", "an SDMX-JSON data message (an object)", "something else");
      return rc.result();
    }
    rc.provenance(provenance(root.path("meta").path("links")));
    JsonNode data = root.has("data") ? root.get("data") : root;
    JsonNode dataSets = data.path("dataSets");
    if (!dataSets.isArray() || dataSets.isEmpty()) {
      rc.reject(1, "data.dataSets", "an array of data sets", "none");
      return rc.result();
    }
    for (int i = 0; i < dataSets.size(); i++) {
      String path = "dataSets[" + i + "]";
      JsonNode ds = dataSets.get(i);
      Optional<JsonNode> structure = structure(data, ds, path, rc);
      if (structure.isPresent()) {
        new DataSet(rc, mapping, structure.get(), ds, path).read();
      }
    }
    return rc.result();
  }

  /** The licence and citation from meta.links with rel "license" and "cite-as". */
  private static Provenance provenance(JsonNode links) {
    String licence = "";
    String citation = "";
    for (JsonNode l : links) {
      String text = l.path("title").asText(l.path("href").asText(""));
      String rel = l.path("rel").asText("");
      if (rel.equals(SdmxJsonWriter.LICENSE)) {
        licence = text;
      } else if (rel.equals(SdmxJsonWriter.CITE_AS)) {
        citation = text;
      }
    }
    return new Provenance(licence, citation);
  }

  private static Optional<JsonNode> structure(
      JsonNode data, JsonNode ds, String path, RowCollector rc) {
    JsonNode structures = data.path("structures");
    if (structures.isArray()) {
      int index = ds.path("structure").asInt(0);
      if (index >= 0 && index < structures.size()) {
        return Optional.of(structures.get(index));
      }
      rc.reject(
          1,
          path + ".structure",
          "an index into data.structures (0.." + (structures.size() - 1) + ")",
          ds.path("structure").toString());
      return Optional.empty();
    }
    if (data.path("structure").isObject()) {
      return Optional.of(data.get("structure"));
    }
    rc.reject(1, "data.structure", "the message's structure (dimensions, attributes)", "none");
    return Optional.empty();
  }

  /** One data set read against its structure. */
  private static final class DataSet {
    private final RowCollector rc;
    private final SdmxMapping mapping;
    private final JsonNode ds;
    private final String path;
    private final List<Component> seriesDims;
    private final List<Component> obsDims;
    private final List<Component> seriesAttrs;
    private final List<Component> obsAttrs;
    private final Map<String, String> fixed = new LinkedHashMap<>();

    DataSet(RowCollector rc, SdmxMapping mapping, JsonNode structure, JsonNode ds, String path) {
      this.rc = rc;
      this.mapping = mapping;
      this.ds = ds;
      this.path = path;
      JsonNode dims = structure.path("dimensions");
      JsonNode attrs = structure.path("attributes");
      seriesDims = components(dims.path("series"));
      obsDims = components(dims.path("observation"));
      seriesAttrs = components(attrs.path("series"));
      obsAttrs = components(attrs.path("observation"));
      for (String level : new String[] {"dataSet"}) {
        for (Component c : components(dims.path(level))) {
          c.value(0).ifPresent(v -> fixed.put(c.id, v));
        }
        List<Component> dsAttrs = components(attrs.path(level));
        JsonNode given = ds.path("attributes");
        for (int i = 0; i < dsAttrs.size(); i++) {
          Component c = dsAttrs.get(i);
          JsonNode idx = given.path(i);
          c.value(idx.isInt() ? idx.asInt() : 0).ifPresent(v -> fixed.put(c.id, v));
        }
      }
    }

    void read() {
      Optional<Instant> vintage = vintage();
      if (vintage.isEmpty()) {
        return;
      }
      if (ds.path("action").asText("").equalsIgnoreCase("Delete")) {
        rc.skip(1, path, "deletions are not applied: Vigil keeps every vintage");
        return;
      }
      JsonNode series = ds.path("series");
      if (series.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = series.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> s = it.next();
          String where = path + ".series[\"" + s.getKey() + "\"]";
          Map<String, String> key = new LinkedHashMap<>(fixed);
          if (decode(s.getKey(), seriesDims, key, where)) {
            attributes(s.getValue().path("attributes"), seriesAttrs, key);
            observations(s.getValue().path("observations"), key, where, vintage.get());
          }
        }
      } else {
        observations(ds.path("observations"), fixed, path, vintage.get());
      }
    }

    private void observations(
        JsonNode obs, Map<String, String> outer, String where, Instant vintage) {
      if (!obs.isObject()) {
        rc.reject(1, where + ".observations", "an object of observations", obs.toString());
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = obs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> o = it.next();
        String at = where + ".observations[\"" + o.getKey() + "\"]";
        Map<String, String> all = new LinkedHashMap<>(outer);
        List<Component> dims = outer == fixed && !seriesDims.isEmpty() ? all(obsDims) : obsDims;
        if (!decode(o.getKey(), dims, all, at)) {
          continue;
        }
        JsonNode arr = o.getValue();
        if (!arr.isArray() || arr.isEmpty()) {
          rc.reject(1, at, "an array [value, attribute indexes...]", arr.toString());
          continue;
        }
        JsonNode v = arr.get(0);
        if (!v.isNull()) {
          all.put("OBS_VALUE", v.isNumber() ? v.numberValue().toString() : v.asText());
        } else {
          all.put("OBS_VALUE", "");
        }
        for (int i = 1; i < arr.size() && i - 1 < obsAttrs.size(); i++) {
          Component c = obsAttrs.get(i - 1);
          JsonNode idx = arr.get(i);
          if (idx.isInt()) {
            c.value(idx.asInt()).ifPresent(val -> all.put(c.id, val));
          }
        }
        new SdmxObservation(1, at, all, vintage).addTo(rc, mapping);
      }
    }

    private List<Component> all(List<Component> obs) {
      List<Component> l = new ArrayList<>(seriesDims);
      l.addAll(obs);
      return l;
    }

    private boolean decode(
        String key, List<Component> dims, Map<String, String> into, String where) {
      String[] parts = key.split(":", -1);
      if (parts.length != dims.size()) {
        rc.reject(
            1,
            where,
            "a key of " + dims.size() + " indexes separated by ':' (one per dimension)",
            Rejection.quoted(key));
        return false;
      }
      for (int i = 0; i < parts.length; i++) {
        Component d = dims.get(i);
        Optional<String> v = Optional.empty();
        try {
          v = d.value(Integer.parseInt(parts[i]));
        } catch (NumberFormatException e) {
          // reported below
        }
        if (v.isEmpty()) {
          rc.reject(
              1,
              d.id + " (element " + where + ")",
              "an index into the values of dimension " + d.id + " (0.." + (d.size() - 1) + ")",
              Rejection.quoted(parts[i]));
          return false;
        }
        into.put(d.id, v.get());
      }
      return true;
    }

    private static void attributes(JsonNode given, List<Component> attrs, Map<String, String> m) {
      for (int i = 0; i < attrs.size() && i < given.size(); i++) {
        JsonNode idx = given.get(i);
        if (idx.isInt()) {
          Component c = attrs.get(i);
          c.value(idx.asInt()).ifPresent(v -> m.put(c.id, v));
        }
      }
    }

    private Optional<Instant> vintage() {
      JsonNode v = ds.path("validFrom");
      if (v.isMissingNode() || v.isNull()) {
        return Optional.of(Instant.EPOCH);
      }
      try {
        return Optional.of(OffsetDateTime.parse(v.asText().trim()).toInstant());
      } catch (DateTimeParseException e) {
        rc.reject(
            1,
            path + ".validFrom",
            "a date-time with offset such as 2026-05-01T10:00:00Z",
            Rejection.quoted(v.asText()));
        return Optional.empty();
      }
    }

    private static List<Component> components(JsonNode list) {
      List<Component> out = new ArrayList<>();
      if (list.isArray()) {
        for (JsonNode c : list) {
          List<String> values = new ArrayList<>();
          for (JsonNode v : c.path("values")) {
            values.add(v.has("id") ? v.get("id").asText() : v.path("value").asText(""));
          }
          out.add(new Component(c.path("id").asText("").toUpperCase(Locale.ROOT), values));
        }
      }
      return out;
    }
  }

  private record Component(String id, List<String> values) {
    Optional<String> value(int index) {
      return index >= 0 && index < values.size()
          ? Optional.of(values.get(index))
          : Optional.empty();
    }

    int size() {
      return values.size();
    }
  }
}
