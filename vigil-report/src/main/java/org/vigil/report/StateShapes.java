package org.vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state outlines bundled with the report module ({@code geo/cis.geojson}, built from
 * world-atlas by {@code tools/geo/build-cis-geojson.mjs}; Russia's longitudes run past 180 so that
 * Chukotka is not cut at the antimeridian).
 */
final class StateShapes {

  /** One state: its polygons, each a list of rings of [longitude, latitude] points. */
  record Shape(String iso3, boolean cis, List<List<double[]>> rings) {}

  private static final String RESOURCE = "/org/vigil/report/geo/cis.geojson";
  private static final List<Shape> SHAPES = load();

  private StateShapes() {}

  static List<Shape> all() {
    return SHAPES;
  }

  private static List<Shape> load() {
    try (InputStream in = StateShapes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Map resource " + RESOURCE + " is missing from the vigil-report jar: rebuild it");
      }
      List<Shape> shapes = new ArrayList<>();
      for (JsonNode f : new ObjectMapper().readTree(in).get("features")) {
        List<List<double[]>> rings = new ArrayList<>();
        for (JsonNode polygon : f.get("geometry").get("coordinates")) {
          for (JsonNode ring : polygon) {
            List<double[]> pts = new ArrayList<>(ring.size());
            for (JsonNode p : ring) {
              pts.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
            rings.add(pts);
          }
        }
        JsonNode props = f.get("properties");
        shapes.add(new Shape(props.get("iso3").asText(), props.get("cis").asBoolean(), rings));
      }
      return List.copyOf(shapes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read map resource " + RESOURCE, e);
    }
  }
}
