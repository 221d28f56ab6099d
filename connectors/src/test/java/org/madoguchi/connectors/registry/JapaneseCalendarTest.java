package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseCalendarTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "2019-05-01, 令和元年5月1日",
      "2019-04-30, 平成31年4月30日",
      "1989-01-07, 昭和64年1月7日",
      "1989-01-08, 平成元年1月8日",
      "1985-04-02, 昭和60年4月2日",
      "2026-11-22, 令和8年11月22日"})
  void writesTheDateInTheEraOfThatDayWithTheFirstYearAsGannen(LocalDate date, String expected) {
    // when
    String formatted = JapaneseCalendar.format(date);

    // then
    assertThat(formatted).isEqualTo(expected);
  }
}
