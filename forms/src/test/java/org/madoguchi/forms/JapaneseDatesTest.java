package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JapaneseDatesTest {

  @Test
  void writesTheFirstYearOfAnEraAsGannen() {
    assertThat(JapaneseDates.wareki(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
    assertThat(JapaneseDates.wareki(LocalDate.of(1989, 1, 8))).isEqualTo("平成元年1月8日");
  }

  @Test
  void changesEraOnTheDayTheNewEraBegins() {
    assertThat(JapaneseDates.wareki(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
    assertThat(JapaneseDates.wareki(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
    assertThat(JapaneseDates.wareki(LocalDate.of(1926, 12, 25))).isEqualTo("昭和元年12月25日");
    assertThat(JapaneseDates.wareki(LocalDate.of(1912, 7, 30))).isEqualTo("大正元年7月30日");
  }

  @Test
  void writesBothCalendarsAsAFormPrintsADate() {
    assertThat(JapaneseDates.both(LocalDate.of(2025, 4, 1))).isEqualTo("令和7年4月1日（2025年4月1日）");
  }

  @Test
  void writesADateBeforeTheJapaneseCalendarInTheGregorianOnly() {
    assertThat(JapaneseDates.both(LocalDate.of(1872, 12, 31))).isEqualTo("1872年12月31日");
    assertThat(JapaneseDates.wareki(LocalDate.of(1873, 1, 1))).isEqualTo("明治6年1月1日");
  }

  @Test
  void answersTheSameForADateConvertedBeforeAndPastTheRememberedBound() {
    LocalDate start = LocalDate.of(1985, 1, 1);
    List<String> first = new ArrayList<>();
    for (int day = 0; day < 15_000; day++) {
      first.add(JapaneseDates.wareki(start.plusDays(day)));
    }
    for (int day = 0; day < 15_000; day++) {
      assertThat(JapaneseDates.wareki(start.plusDays(day))).isEqualTo(first.get(day));
    }
    assertThat(first.get((int) ChronoUnit.DAYS.between(start, LocalDate.of(2019, 5, 1)))).isEqualTo("令和元年5月1日");
    assertThat(first.get((int) ChronoUnit.DAYS.between(start, LocalDate.of(1989, 1, 7)))).isEqualTo("昭和64年1月7日");
  }
}
