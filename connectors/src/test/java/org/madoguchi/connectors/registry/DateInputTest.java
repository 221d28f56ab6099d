package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateInputTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "2026-11-20 | 2026-11-20",
      "R8.11.20 | 2026-11-20",
      "r8.11.20 | 2026-11-20",
      "R08.11.20 | 2026-11-20",
      "R8/11/20 | 2026-11-20",
      "令和8年11月20日 | 2026-11-20",
      "令和８年１１月２０日 | 2026-11-20",
      "㋿8年11月20日 | 2026-11-20",
      "令和元年5月1日 | 2019-05-01",
      "R元.5.1 | 2019-05-01",
      "平成31年4月30日 | 2019-04-30",
      "H31.4.30 | 2019-04-30",
      "S60.4.2 | 1985-04-02",
      "昭和64年1月7日 | 1989-01-07",
      "平成元年1月8日 | 1989-01-08",
      "T15.12.24 | 1926-12-24",
      "M45.7.29 | 1912-07-29",
      "  R8.11.20  | 2026-11-20"})
  void readsIsoAndTheJapaneseCalendar(String text, LocalDate expected) {
    assertThat(DateInput.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"平成31年5月1日", "H31.5.1", "昭和64年1月8日", "R8.2.30", "2026-02-30", "R0.1.1"})
  void refusesADayThatIsNotInTheCalendarOrNotInTheEra(String text) {
    // when
    DateTimeException refused = catchThrowableOfType(() -> DateInput.parse(text), DateTimeException.class);

    // then
    assertThat(refused).hasMessageContaining("no such day");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026/11/20", "20261120", "X8.11.20", "令和9年12月", "9.12.24", "今日"})
  void refusesOtherFormsWithoutQuotingThem(String text) {
    // when
    DateTimeException refused = catchThrowableOfType(() -> DateInput.parse(text), DateTimeException.class);

    // then
    assertThat(refused).hasMessageContaining("write YYYY-MM-DD").hasMessageNotContaining(text);
  }
}
