package org.madoguchi.bpr.simulation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A simulated figure: its mean over the replications and the 95% confidence interval of that mean (Student's t,
 * since replications are few), rounded to hundredths.
 *
 * @param mean the mean over the replications
 * @param low the interval's lower end
 * @param high the interval's upper end
 */
@JsonPropertyOrder({"mean", "ci95"})
public record Estimate(double mean, @JsonIgnore double low, @JsonIgnore double high) {

  /** The Student t quantile for a two-sided 95% interval, from 3 degrees of freedom on. */
  private static final double NORMAL_975 = 1.959963984540054;

  /** The estimate from one value per replication (two or more). */
  public static Estimate of(double[] values) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("a confidence interval needs 2 replications or more");
    }
    double mean = 0;
    for (double value : values) {
      mean += value / n;
    }
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double halfWidth = studentT975(n - 1) * StrictMath.sqrt(squares / (n - 1) / n);
    return new Estimate(round(mean), round(mean - halfWidth), round(mean + halfWidth));
  }

  /** The interval as {@code [low, high]}. */
  @JsonProperty("ci95")
  public List<Double> ci95() {
    return List.of(low, high);
  }

  /** Whether {@code value} lies in the interval. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  /**
   * The 0.975 quantile of Student's t with {@code df} degrees of freedom: exact for 1 and 2, and from 3 on the
   * Cornish-Fisher expansion around the normal quantile (Abramowitz and Stegun 26.7.5), within 0.004 of the exact
   * value.
   */
  static double studentT975(int df) {
    if (df == 1) {
      return StrictMath.tan(StrictMath.PI * 0.475);
    }
    if (df == 2) {
      return 0.95 / StrictMath.sqrt(2 * 0.975 * 0.025);
    }
    double z = NORMAL_975;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    double z9 = z7 * z * z;
    double v = df;
    return z + (z3 + z) / (4 * v)
        + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
        + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
