package org.madoguchi.bpr.report;

import java.util.List;
import java.util.Locale;

/**
 * Bar and line charts as SVG text, for reports a browser or GitHub shows as images. Written out rather than drawn
 * with a chart library, so that the same data always gives the same bytes.
 */
final class SvgChart {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 80;
  private static final int BOTTOM = 72;
  private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
  private static final int TICKS = 5;

  /**
   * One series of values, with an optional 95% interval per value.
   *
   * @param name the legend's text
   * @param colour a CSS colour
   * @param values one value per category (bars) or point (lines)
   * @param intervals {@code [low, high]} per value, or {@code null} for none
   */
  record Series(String name, String colour, List<Double> values, List<double[]> intervals) {
  }

  private SvgChart() {
  }

  /** Grouped bars: one group per category, one bar per series, with whiskers where a series has intervals. */
  static String bars(String title, String unit, List<String> categories, List<Series> series) {
    double top = niceTop(series);
    StringBuilder svg = start(title, unit, top, series);
    double groupWidth = (double) PLOT_WIDTH / categories.size();
    double barWidth = groupWidth * 0.8 / series.size();
    boolean slanted = categories.size() > 6;
    for (int c = 0; c < categories.size(); c++) {
      double groupLeft = LEFT + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        Series one = series.get(s);
        double x = groupLeft + s * barWidth;
        double y = y(one.values().get(c), top);
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\"><title>%s: %s %s</title></rect>\n", x, y, barWidth - 1, TOP + PLOT_HEIGHT - y,
            one.colour(), escape(categories.get(c)), number(one.values().get(c)), escape(unit)));
        if (one.intervals() != null) {
          double middle = x + (barWidth - 1) / 2;
          double low = y(one.intervals().get(c)[0], top);
          double high = y(one.intervals().get(c)[1], top);
          svg.append(String.format(Locale.ROOT, "  <path d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" "
                  + "stroke=\"#1a1a1a\" stroke-width=\"1.2\" fill=\"none\"/>\n",
              middle, low, high, middle - 3, low, middle + 3, middle - 3, high, middle + 3));
        }
      }
      double labelX = LEFT + (c + 0.5) * groupWidth;
      double labelY = TOP + PLOT_HEIGHT + 16;
      svg.append(slanted
          ? String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
              + "transform=\"rotate(-40 %.1f %.1f)\">%s</text>\n", labelX, labelY, labelX, labelY,
              escape(categories.get(c)))
          : String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", labelX,
              labelY, escape(categories.get(c))));
    }
    return svg.append("</svg>\n").toString();
  }

  /** Lines over evenly spaced points, labelled every {@code labelEvery} points. */
  static String lines(String title, String unit, List<String> points, int labelEvery, List<Series> series) {
    double top = niceTop(series);
    StringBuilder svg = start(title, unit, top, series);
    double step = points.size() > 1 ? (double) PLOT_WIDTH / (points.size() - 1) : 0;
    for (int p = 0; p < points.size(); p += labelEvery) {
      svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
          LEFT + p * step, TOP + PLOT_HEIGHT + 16, escape(points.get(p))));
    }
    for (Series one : series) {
      StringBuilder line = new StringBuilder();
      for (int p = 0; p < one.values().size(); p++) {
        line.append(p == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", LEFT + p * step,
            y(one.values().get(p), top)));
      }
      svg.append(String.format(Locale.ROOT, "  <path d=\"%s\" stroke=\"%s\" stroke-width=\"2\" fill=\"none\">"
          + "<title>%s</title></path>\n", line, one.colour(), escape(one.name())));
    }
    return svg.append("</svg>\n").toString();
  }

  /** The frame, the title, the legend and the value axis with its grid. */
  private static StringBuilder start(String title, String unit, double top, List<Series> series) {
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n",
        LEFT, escape(title)));
    double legendX = LEFT;
    int legendY = 34;
    for (Series one : series) {
      double width = 28 + textWidth(one.name());
      if (legendX > LEFT && legendX + width > WIDTH - RIGHT) {
        legendX = LEFT;
        legendY += 18;
      }
      svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
          legendX, legendY, one.colour()));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\">%s</text>\n", legendX + 16, legendY + 11,
          escape(one.name())));
      legendX += width;
    }
    for (int tick = 0; tick <= TICKS; tick++) {
      double value = top * tick / TICKS;
      double y = y(value, top);
      svg.append(String.format(Locale.ROOT, "  <path d=\"M%d %.1fH%d\" stroke=\"%s\"/>\n", LEFT, y, LEFT + PLOT_WIDTH,
          tick == 0 ? "#1a1a1a" : "#d9d9d9"));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6,
          y + 4, number(value)));
    }
    svg.append(String.format(Locale.ROOT, "  <text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
        + "text-anchor=\"middle\">%s</text>\n", TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2, escape(unit)));
    return svg;
  }

  /** About how wide a text is at 12 pixels: Latin letters narrow, kanji and kana a full square. */
  private static double textWidth(String text) {
    return text.codePoints().mapToDouble(c -> c < 0x2E80 ? 7 : 12).sum();
  }

  private static double y(double value, double top) {
    return TOP + PLOT_HEIGHT - PLOT_HEIGHT * Math.max(0, value) / top;
  }

  /** The smallest 1, 2, 2.5 or 5 times a power of ten that divides into five ticks above every value. */
  static double niceTop(List<Series> series) {
    double max = 0;
    for (Series one : series) {
      for (int i = 0; i < one.values().size(); i++) {
        max = Math.max(max, one.values().get(i));
        if (one.intervals() != null) {
          max = Math.max(max, one.intervals().get(i)[1]);
        }
      }
    }
    if (max <= 0) {
      return TICKS;
    }
    double magnitude = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(max / TICKS)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude * TICKS >= max) {
        return factor * magnitude * TICKS;
      }
    }
    return 10 * magnitude * TICKS;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
