package org.vigil.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws the choropleth of states by risk as SVG, in an Albers equal-area conic projection fitted to
 * the report's states (standard parallels 40°N and 65°N, centred on 90°E, which keeps Russia and
 * Central Asia recognisable on one A4 width).
 */
final class MapSvg {
  static final String[] COLOURS = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
  static final String NO_DATA = "#d9d9d9";
  private static final String CONTEXT = "#f0f0f0";
  private static final double WIDTH = 1000;
  private static final double PHI0 = Math.toRadians(55);
  private static final double LAMBDA0 = Math.toRadians(90);
  private static final double N;
  private static final double C;
  private static final double RHO0;

  static {
    double phi1 = Math.toRadians(40);
    double phi2 = Math.toRadians(65);
    N = (Math.sin(phi1) + Math.sin(phi2)) / 2;
    C = Math.cos(phi1) * Math.cos(phi1) + 2 * N * Math.sin(phi1);
    RHO0 = Math.sqrt(C - 2 * N * Math.sin(PHI0)) / N;
  }

  private MapSvg() {}

  /** The fill for a score in 0..10, or the no-data grey for NaN. */
  static String colour(double score) {
    if (Double.isNaN(score)) {
      return NO_DATA;
    }
    return COLOURS[Math.min(COLOURS.length - 1, (int) Math.floor(score / 2))];
  }

  /**
   * @param scores risk score by ISO3 code (states without a score are drawn as no data)
   * @param states the states the map is fitted to (others are drawn pale as context)
   * @param focus a state to outline, or empty for none
   */
  static String render(Map<String, Double> scores, Set<String> states, String focus) {
    List<StateShapes.Shape> shapes = StateShapes.all();
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (StateShapes.Shape s : shapes) {
      if (states.contains(s.iso3())) {
        s.rings().forEach(r -> r.forEach(p -> extend(box, project(p))));
      }
    }
    double pad = (box[2] - box[0]) * 0.02;
    double scale = WIDTH / (box[2] - box[0] + 2 * pad);
    double height = (box[3] - box[1] + 2 * pad) * scale;
    StringBuilder svg = new StringBuilder(200_000);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\">",
            WIDTH,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#eaf2f8\"/>");
    StringBuilder labels = new StringBuilder();
    for (StateShapes.Shape s : shapes) {
      boolean member = states.contains(s.iso3());
      String fill = member ? colour(scores.getOrDefault(s.iso3(), Double.NaN)) : CONTEXT;
      boolean focused = s.iso3().equals(focus);
      svg.append("<path fill=\"").append(fill).append("\" stroke=\"");
      svg.append(focused ? "#000000\" stroke-width=\"3" : "#666666\" stroke-width=\"0.8");
      svg.append("\" fill-rule=\"evenodd\" d=\"");
      double[] largest = {0, 0, 0, 0};
      double largestArea = -1;
      for (List<double[]> ring : s.rings()) {
        double[] rb = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < ring.size(); i++) {
          double[] xy = project(ring.get(i));
          extend(rb, xy);
          double x = (xy[0] - box[0] + pad) * scale;
          double y = (box[3] + pad - xy[1]) * scale;
          svg.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        svg.append('Z');
        double area = (rb[2] - rb[0]) * (rb[3] - rb[1]);
        if (area > largestArea) {
          largestArea = area;
          largest = rb;
        }
      }
      svg.append("\"/>");
      if (member) {
        double cx = ((largest[0] + largest[2]) / 2 - box[0] + pad) * scale;
        double cy = (box[3] + pad - (largest[1] + largest[3]) / 2) * scale;
        labels.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans, sans-serif\""
                    + " font-size=\"16\" text-anchor=\"middle\" fill=\"#111111\">%s</text>",
                cx,
                cy,
                s.iso3()));
      }
    }
    return svg.append(labels).append("</svg>").toString();
  }

  private static void extend(double[] box, double[] xy) {
    box[0] = Math.min(box[0], xy[0]);
    box[1] = Math.min(box[1], xy[1]);
    box[2] = Math.max(box[2], xy[0]);
    box[3] = Math.max(box[3], xy[1]);
  }

  /**
   * Albers equal-area conic (Snyder, Map Projections: A Working Manual, 1987, eq. 14-1 to 14-4).
   */
  static double[] project(double[] lonLat) {
    double lambda = Math.toRadians(lonLat[0]);
    double phi = Math.toRadians(lonLat[1]);
    double rho = Math.sqrt(C - 2 * N * Math.sin(phi)) / N;
    double theta = N * (lambda - LAMBDA0);
    return new double[] {rho * Math.sin(theta), RHO0 - rho * Math.cos(theta)};
  }
}
