package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

  private static final OpeningHours HOURS = OpeningHours.parse("08:30-17:15");

  @Test
  void sendsExactlyTheDaysCasesOverTheHoursTheProfileGivesThem() {
    // Nobody comes 12:30-13:30 (the fifth hour); the last hour is 45 minutes.
    Arrivals arrivals = new Arrivals.CasesPerDay(List.of(1.4, 1.3, 1.2, 1.0, 0.0, 1.1, 1.0, 0.8, 0.4),
        List.of(new Arrivals.Day("3/22(水)", 282)));

    double[] times = arrivals.times(HOURS, arrivals.days().get(0), new SplittableRandom(5));

    assertThat(times).hasSize(282).isSorted();
    assertThat(times[0]).isNotNegative();
    assertThat(times[281]).isLessThan(525);
    assertThat(Arrays.stream(times).filter(t -> t >= 240 && t < 300)).isEmpty();
  }

  @Test
  void arrivesAtThePoissonRateOfEachHour() {
    OpeningHours threeHours = OpeningHours.parse("09:00-12:00");
    Arrivals arrivals = new Arrivals.PerHour(List.of(60.0, 0.0, 120.0));
    SplittableRandom random = new SplittableRandom(5);
    double[] perHour = new double[3];
    int days = 400;
    for (int day = 0; day < days; day++) {
      for (double t : arrivals.times(threeHours, arrivals.days().get(0), random)) {
        perHour[(int) (t / 60)] += 1.0 / days;
      }
    }

    // A Poisson count of mean 60 over 400 days has a standard error of 0.39; of 120, 0.55.
    assertThat(perHour[0]).isCloseTo(60, within(2.0));
    assertThat(perHour[1]).isZero();
    assertThat(perHour[2]).isCloseTo(120, within(3.0));
  }

  @Test
  void wantsOneValuePerHourOfTheOpeningHoursOrOneForAll() {
    assertThat(HOURS.hourCount()).isEqualTo(9);
    assertThat(HOURS.hourly(List.of(2.0))).containsOnly(2.0).hasSize(9);
    assertThatThrownBy(() -> HOURS.hourly(List.of(1.0, 2.0)))
        .hasMessageContaining("08:30-17:15 have 9 hours");
  }

  @Test
  void readsOpeningHours() {
    assertThat(HOURS.minutes()).isEqualTo(525);
    assertThat(HOURS.timeAt(90)).isEqualTo("10:00");
    assertThatThrownBy(() -> OpeningHours.parse("17:15-08:30")).hasMessageContaining("write 08:30-17:15");
    assertThatThrownBy(() -> OpeningHours.parse("8時半から")).hasMessageContaining("write 08:30-17:15");
  }
}
