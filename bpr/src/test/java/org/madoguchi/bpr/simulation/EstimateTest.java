package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateTest {

  /** Two-sided 95% quantiles of Student's t, from a printed table. */
  @ParameterizedTest
  @CsvSource({"1, 12.706", "2, 4.303", "3, 3.182", "4, 2.776", "5, 2.571", "9, 2.262", "19, 2.093", "29, 2.045",
      "99, 1.984"})
  void knowsStudentsT(int degreesOfFreedom, double tabled) {
    assertThat(Estimate.studentT975(degreesOfFreedom)).isCloseTo(tabled, within(0.004));
  }

  @Test
  void spansTheMeanByTTimesTheStandardError() {
    // Mean 3, standard deviation sqrt(2.5), so a half-width of 2.776 * sqrt(2.5 / 5) = 1.963.
    Estimate estimate = Estimate.of(new double[] {1, 2, 3, 4, 5});

    assertThat(estimate.mean()).isEqualTo(3);
    assertThat(estimate.ci95()).containsExactly(1.04, 4.96);
    assertThat(estimate.contains(1.5)).isTrue();
    assertThat(estimate.contains(5)).isFalse();
  }
}
