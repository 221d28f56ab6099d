package org.madoguchi.bpr.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenarios and models write them — {@code 30s}, {@code 8m}, {@code 1.5h}, {@code 1h30m} — in minutes. */
public final class Minutes {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([hms])\\s*");

  private Minutes() {
  }

  /** The minutes a duration stands for. */
  public static double parse(String text) {
    String duration = text == null ? "" : text.strip();
    Matcher part = PART.matcher(duration);
    double minutes = 0;
    int at = 0;
    while (at < duration.length() && part.find(at) && part.start() == at) {
      double value = Double.parseDouble(part.group(1));
      minutes += switch (part.group(2)) {
        case "h" -> value * 60;
        case "m" -> value;
        default -> value / 60;
      };
      at = part.end();
    }
    if (duration.isEmpty() || at != duration.length()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (write 30s, 8m, 1.5h or 1h30m)");
    }
    return minutes;
  }

  /** Minutes as a duration {@link #parse} reads back: {@code 8m}, {@code 2.5m}. */
  public static String format(double minutes) {
    return BigDecimal.valueOf(minutes).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "m";
  }
}
