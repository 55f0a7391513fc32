package org.vigil.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.time.format.TextStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * The water section's chart: each state's shortfall per month of the dry scenario as stacked bars
 * (hm³), drawn with JFreeChart into SVG (text as outlines, like {@link FanChartSvg}) or PNG for the
 * DOCX.
 */
final class WaterChartSvg {
  static final int WIDTH = 520;
  static final int HEIGHT = 230;
  private static final Color[] COLOURS = {
    new Color(0x1f, 0x4e, 0x79),
    new Color(0xc0, 0x39, 0x2b),
    new Color(0xe6, 0x9f, 0x00),
    new Color(0x2e, 0x8b, 0x57),
    new Color(0x7b, 0x4f, 0x9d),
    new Color(0x55, 0x55, 0x55)
  };

  private WaterChartSvg() {}

  static String render(WaterBasinRow b, Messages m) {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    chart(b, m).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null)
        .replace(
            "viewBox='0.0 0.0 " + WIDTH + ".0 " + HEIGHT + ".0'",
            "width=\"600\" height=\"265\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"");
  }

  static byte[] png(WaterBasinRow b, Messages m) {
    java.awt.image.BufferedImage image =
        chart(b, m).createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot encode the water chart of " + b.basin().code(), e);
    }
    return out.toByteArray();
  }

  /** Months in order as categories ("Jan 27"), states as series. */
  static DefaultCategoryDataset dataset(WaterBasinRow b, Messages m) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (WaterBasinRow.MonthShortfall s : b.monthly()) {
      String month =
          s.month().getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, m.language().locale())
              + " "
              + String.format("%02d", s.month().getYear() % 100);
      data.addValue(s.shortfall(), b.stateName(s.state(), m.language().code()), month);
    }
    return data;
  }

  private static JFreeChart chart(WaterBasinRow b, Messages m) {
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    DefaultCategoryDataset data = dataset(b, m);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
    }
    Font small = new Font("DejaVu Sans", Font.PLAIN, 10);
    CategoryAxis x = new CategoryAxis();
    x.setTickLabelFont(small);
    x.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
    x.setMaximumCategoryLabelLines(1);
    NumberAxis y = new NumberAxis(m.get("water.unit"));
    y.setTickLabelFont(small);
    y.setLabelFont(small);
    y.setNumberFormatOverride(Messages.numbers(m.language(), true));
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    JFreeChart jf = new JFreeChart(null, small, plot, true);
    jf.setBackgroundPaint(Color.WHITE);
    jf.setPadding(new RectangleInsets(2, 2, 2, 12));
    LegendTitle legend = jf.getLegend();
    legend.setItemFont(small);
    legend.setPosition(RectangleEdge.BOTTOM);
    return jf;
  }
}
