package org.vigil.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.vigil.timeseries.Period;

/**
 * Draws an indicator's history and forecast fan (95% and 80% bands around the mean) with JFreeChart
 * into SVG. Text is drawn as vector outlines so the chart needs no font where it is shown (browser,
 * PDF).
 */
final class FanChartSvg {
  static final int WIDTH = 520;
  static final int HEIGHT = 260;
  private static final Color OBSERVED = new Color(0x1f, 0x4e, 0x79);
  private static final Color FORECAST = new Color(0xc0, 0x39, 0x2b);

  private FanChartSvg() {}

  static String render(IndicatorChart chart, Messages m) {
    JFreeChart jf = chart(chart, m);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    jf.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    // openhtmltopdf reads the view box as integers: write it without decimals.
    return g.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null)
        .replace(
            "viewBox='0.0 0.0 " + WIDTH + ".0 " + HEIGHT + ".0'",
            "width=\"600\" height=\"300\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"");
  }

  /** The chart as a PNG at twice the SVG's size (for the DOCX, which has no SVG renderer). */
  static byte[] png(IndicatorChart chart, Messages m) {
    java.awt.image.BufferedImage image =
        chart(chart, m).createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot encode the chart of " + chart.indicator().code(), e);
    }
    return out.toByteArray();
  }

  /**
   * The fan chart. A count series' fan is clipped at zero (a count cannot be negative, whatever the
   * model's symmetric interval says).
   */
  static JFreeChart chart(IndicatorChart chart, Messages m) {
    YIntervalSeriesCollection data = dataset(chart, m);
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setSeriesPaint(0, OBSERVED);
    renderer.setSeriesFillPaint(0, OBSERVED);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    Color[] fills = {new Color(0xf5, 0xb7, 0xb1), new Color(0xe6, 0x7e, 0x73), FORECAST};
    for (int i = 0; i < 3; i++) {
      renderer.setSeriesPaint(i + 1, i == 2 ? FORECAST : fills[i]);
      renderer.setSeriesFillPaint(i + 1, fills[i]);
      renderer.setSeriesStroke(i + 1, new BasicStroke(i == 2 ? 2f : 0.5f));
    }
    renderer.setAlpha(1f);
    DateAxis x = new DateAxis();
    // Months and longer: "Mar 26"; weeks and days: "9 Mar".
    org.vigil.timeseries.Frequency frequency = chart.indicator().frequency();
    boolean fast =
        frequency == org.vigil.timeseries.Frequency.WEEKLY
            || frequency == org.vigil.timeseries.Frequency.DAILY;
    SimpleDateFormat format =
        new SimpleDateFormat(fast ? "d MMM" : "MMM yy", m.language().locale());
    format.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    x.setDateFormatOverride(format);
    x.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    x.setLocale(m.language().locale());
    NumberAxis y = new NumberAxis(m.unit(chart.indicator().unit()));
    y.setAutoRangeIncludesZero(false);
    if (Counts.isCount(chart.indicator())) {
      y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(m.language().locale()));
      y.setRangeType(org.jfree.data.RangeType.POSITIVE);
    }
    y.setNumberFormatOverride(Messages.numbers(m.language(), false));
    Font small = new Font("DejaVu Sans", Font.PLAIN, 11);
    x.setTickLabelFont(small);
    y.setTickLabelFont(small);
    y.setLabelFont(small);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    JFreeChart jf = new JFreeChart(null, small, plot, true);
    jf.setBackgroundPaint(Color.WHITE);
    jf.setPadding(new RectangleInsets(2, 2, 2, 18));
    LegendTitle legend = jf.getLegend();
    legend.setItemFont(small);
    legend.setPosition(RectangleEdge.BOTTOM);
    return jf;
  }

  /** The observed series and, when there is a forecast, the 95% and 80% bands and the median. */
  static YIntervalSeriesCollection dataset(IndicatorChart chart, Messages m) {
    double floor = Counts.isCount(chart.indicator()) ? 0 : Double.NEGATIVE_INFINITY;
    YIntervalSeries band95 = new YIntervalSeries(m.get("chart.band95"));
    YIntervalSeries band80 = new YIntervalSeries(m.get("chart.band80"));
    YIntervalSeries mean = new YIntervalSeries(m.get("chart.forecast"));
    YIntervalSeries observed = new YIntervalSeries(m.get("chart.history"));
    for (IndicatorChart.Point p : chart.history()) {
      if (!Double.isNaN(p.value())) {
        observed.add(millis(p.period()), p.value(), p.value(), p.value());
      }
    }
    for (IndicatorChart.FanPoint f : chart.forecast()) {
      double x = millis(f.period());
      double mid = Math.max(floor, f.mean());
      band95.add(x, mid, Math.max(floor, f.lower95()), Math.max(floor, f.upper95()));
      band80.add(x, mid, Math.max(floor, f.lower80()), Math.max(floor, f.upper80()));
      mean.add(x, mid, mid, mid);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(observed);
    if (!chart.forecast().isEmpty()) {
      data.addSeries(band95);
      data.addSeries(band80);
      data.addSeries(mean);
    }
    return data;
  }

  private static double millis(Period p) {
    return Date.from(p.start().atStartOfDay(ZoneOffset.UTC).toInstant()).getTime();
  }
}
