package org.vigil.app.water;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.water.Agreement;
import org.vigil.water.AllocationResult;
import org.vigil.water.Basin;
import org.vigil.water.Link;
import org.vigil.water.Node;

/**
 * The JSON of stored water runs: the result as the engine's records (months as {@code yyyy-MM}, NaN
 * as the string "NaN"), the basin network as plain objects with every monthly series as an array of
 * numbers (hm³). The API serves these trees as stored.
 */
public final class WaterJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private WaterJson() {}

  /** The JSON text of a value. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a water run as JSON: " + e.getMessage(), e);
    }
  }

  /** A stored result, read back into the engine's record. */
  public static AllocationResult result(String json) {
    try {
      return MAPPER.readValue(json, AllocationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored water result is not readable: " + e.getMessage(), e);
    }
  }

  /** Stored JSON as a tree, to embed in a response. */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored water JSON is not readable: " + e.getMessage(), e);
    }
  }

  /** A basin network: nodes (with their series as arrays), links and agreements. */
  public static Map<String, Object> network(Basin b) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Node n : b.nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("kind", n.kind().name());
      if (n instanceof Node.Source s) {
        m.put("inflow", s.inflow().toArray());
      } else if (n instanceof Node.Reservoir r) {
        m.put("capacity", r.capacity());
        m.put("minStorage", r.minStorage());
        m.put("initialStorage", r.initialStorage());
      } else if (n instanceof Node.Withdrawal w) {
        m.put("state", w.state());
        m.put("sector", w.sector());
        m.put("demand", w.demand().toArray());
      } else if (n instanceof Node.EnvFlow e) {
        m.put("minFlow", e.minFlow().toArray());
      }
      nodes.add(m);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (Link l : b.links()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", l.from());
      m.put("to", l.to());
      m.put("lossFraction", l.lossFraction());
      m.put("capacity", Double.isInfinite(l.capacity()) ? null : l.capacity());
      links.add(m);
    }
    List<Map<String, Object>> agreements = new ArrayList<>();
    for (Agreement a : b.agreements()) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (a instanceof Agreement.Shares sh) {
        m.put("kind", "SHARES");
        m.put("byState", sh.byState());
      } else if (a instanceof Agreement.Quota q) {
        m.put("kind", "QUOTA");
        m.put("state", q.state());
        m.put("volume", q.volume());
      } else if (a instanceof Agreement.MinimumRelease r) {
        m.put("kind", "MINIMUM_RELEASE");
        m.put("reservoir", r.reservoir());
        m.put("minimum", r.minimum().toArray());
      }
      agreements.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", b.name());
    out.put("states", b.states());
    out.put("nodes", nodes);
    out.put("links", links);
    out.put("agreements", agreements);
    return out;
  }
}
