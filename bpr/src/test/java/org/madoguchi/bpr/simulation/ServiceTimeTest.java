package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTimeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "fixed(5m)                   | fixed(5m)                      | 5",
      "fixed(1h30m)                | fixed(90m)                     | 90",
      "exponential(mean=8m)        | exponential(mean=8m)           | 8",
      "exponential(90s)            | exponential(mean=1.5m)         | 1.5",
      "lognormal(mean=8m, sd=3m)   | lognormal(mean=8m, sd=3m)      | 8",
      "uniform( min=2m , max=6m )  | uniform(min=2m, max=6m)        | 4"})
  void readsADistributionWithItsMeanAndWritesItBack(String text, String written, double mean) {
    ServiceTime time = ServiceTime.parse(text);

    assertThat(time.text()).isEqualTo(written);
    assertThat(time.mean()).isEqualTo(mean);
    assertThat(ServiceTime.parse(time.text())).isEqualTo(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exponential(mean=8m)", "lognormal(mean=8m, sd=3m)", "uniform(min=2m, max=6m)"})
  void drawsSamplesWhoseMeanIsTheDistributionsMean(String text) {
    ServiceTime time = ServiceTime.parse(text);
    SplittableRandom random = new SplittableRandom(11);
    double sum = 0;
    for (int i = 0; i < 200_000; i++) {
      double sample = time.sample(random);
      assertThat(sample).isNotNegative();
      sum += sample;
    }

    assertThat(sum / 200_000).isCloseTo(time.mean(), within(time.mean() * 0.01));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gamma(mean=3m)", "exponential(mean=0m)", "lognormal(mean=8m)", "fixed(5)", "fixed(-1m)",
      "uniform(min=6m, max=2m)", "exponential(rate=3m)", "8m", ""})
  void refusesWhatIsNoDistributionSayingWhatToWrite(String text) {
    assertThatThrownBy(() -> ServiceTime.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a service time: '" + text + "'")
        .hasMessageContaining("lognormal(mean=8m, sd=3m)");
  }
}
