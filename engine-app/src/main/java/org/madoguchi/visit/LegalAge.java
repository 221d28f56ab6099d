package org.madoguchi.visit;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * Ages as Japanese law counts them (年齢計算ニ関スル法律): a person reaches an age at the end of the day
 * before the birthday (for a 29 February birthday, at the end of 28 February in common years). School
 * years (学年・年度) run from 1 April to 31 March.
 */
final class LegalAge {

  private static final MonthDay SCHOOL_YEAR_START = MonthDay.of(4, 1);

  private LegalAge() {
  }

  /** 満年齢 on {@code date}: the age reached by the end of the day before it. */
  static int on(LocalDate birthDate, LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  /** The age reached by the end of {@code date} (on the day before a birthday, already the new age). */
  static int reachedBy(LocalDate birthDate, LocalDate date) {
    return on(birthDate, date.plusDays(1));
  }

  /** The first day (1 April) of the school year containing {@code date}. */
  static LocalDate schoolYearStart(LocalDate date) {
    LocalDate start = SCHOOL_YEAR_START.atYear(date.getYear());
    return date.isBefore(start) ? start.minusYears(1) : start;
  }

  /** The age reached by the end of 31 March before the school year containing {@code date}. */
  static int atSchoolYearStart(LocalDate birthDate, LocalDate date) {
    return on(birthDate, schoolYearStart(date));
  }
}
