package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalAgeTest {

  private static final LocalDate BORN_10_MAY_2000 = LocalDate.of(2000, 5, 10);
  private static final LocalDate BORN_29_FEBRUARY_2004 = LocalDate.of(2004, 2, 29);

  @Nested
  class On {

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
        "2000-05-10, 0",
        "2001-05-09, 0",
        "2001-05-10, 1",
        "2010-05-09, 9",
        "2010-05-10, 10",
        "2010-05-11, 10",
        "2011-05-09, 10"})
    void countsTheAgeReachedByTheEndOfThePreviousDay(LocalDate date, int expected) {
      // given a person born on 10 May 2000

      // when
      int age = LegalAge.on(BORN_10_MAY_2000, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
        "2005-02-28, 0",
        "2005-03-01, 1",
        "2007-02-28, 2",
        "2007-03-01, 3"})
    void givesABirthOn29FebruaryTheNewAgeOn1MarchInCommonYears(LocalDate date, int expected) {
      // when
      int age = LegalAge.on(BORN_29_FEBRUARY_2004, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
        "2008-02-28, 3",
        "2008-02-29, 4",
        "2008-03-01, 4"})
    void givesABirthOn29FebruaryTheNewAgeOnTheBirthdayInLeapYears(LocalDate date, int expected) {
      // when
      int age = LegalAge.on(BORN_29_FEBRUARY_2004, date);

      // then
      assertThat(age).isEqualTo(expected);
    }
  }

  @Nested
  class ReachedBy {

    @ParameterizedTest(name = "by the end of {0}: {1}")
    @CsvSource({
        "2010-05-08, 9",
        "2010-05-09, 10",
        "2010-05-10, 10",
        "2011-05-08, 10"})
    void reachesTheNewAgeAtTheEndOfTheDayBeforeTheBirthday(LocalDate date, int expected) {
      // when
      int age = LegalAge.reachedBy(BORN_10_MAY_2000, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @ParameterizedTest(name = "by the end of {0}: {1}")
    @CsvSource({
        "2005-02-27, 0",
        "2005-02-28, 1",
        "2007-02-27, 2",
        "2007-02-28, 3"})
    void reachesTheAgeOfABirthOn29FebruaryAtTheEndOf28FebruaryInCommonYears(LocalDate date, int expected) {
      // when
      int age = LegalAge.reachedBy(BORN_29_FEBRUARY_2004, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @ParameterizedTest(name = "by the end of {0}: {1}")
    @CsvSource({
        "2008-02-27, 3",
        "2008-02-28, 4",
        "2008-02-29, 4"})
    void reachesTheAgeOfABirthOn29FebruaryAtTheEndOf28FebruaryInLeapYears(LocalDate date, int expected) {
      // when
      int age = LegalAge.reachedBy(BORN_29_FEBRUARY_2004, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @Test
    void givesAChildBornOn1AprilTheNewAgeBy31March() {
      // given
      LocalDate born = LocalDate.of(2019, 4, 1);

      // when
      int reachedBy31March = LegalAge.reachedBy(born, LocalDate.of(2025, 3, 31));
      int reachedBy30March = LegalAge.reachedBy(born, LocalDate.of(2025, 3, 30));

      // then
      assertThat(reachedBy31March).isEqualTo(6);
      assertThat(reachedBy30March).isEqualTo(5);
    }
  }

  @Nested
  class SchoolYearStart {

    @ParameterizedTest(name = "{0} is in the school year starting {1}")
    @CsvSource({
        "2025-03-01, 2024-04-01",
        "2025-03-31, 2024-04-01",
        "2025-04-01, 2025-04-01",
        "2025-04-02, 2025-04-01",
        "2025-04-30, 2025-04-01",
        "2025-12-31, 2025-04-01",
        "2026-01-01, 2025-04-01",
        "2024-02-29, 2023-04-01"})
    void startsTheSchoolYearOn1April(LocalDate date, LocalDate expected) {
      // when
      LocalDate start = LegalAge.schoolYearStart(date);

      // then
      assertThat(start).isEqualTo(expected);
    }
  }

  @Nested
  class AtSchoolYearStart {

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
        "2019-04-01, 2025-04-01, 6",
        "2019-04-01, 2025-09-01, 6",
        "2019-04-01, 2026-03-31, 6",
        "2019-04-02, 2025-04-01, 5",
        "2019-04-02, 2025-09-01, 5",
        "2019-04-02, 2026-03-31, 5",
        "2019-04-02, 2026-04-01, 6"})
    void countsAChildBornOn1AprilInTheYearAboveAChildBornOn2April(LocalDate born, LocalDate date, int expected) {
      // when
      int age = LegalAge.atSchoolYearStart(born, date);

      // then
      assertThat(age).isEqualTo(expected);
    }

    @Test
    void entersAChildBornOn1April2019InApril2025AndOneBornOn2AprilAYearLater() {
      // given: school year 2025 starts on 1 April 2025
      LocalDate enrollmentDay = LocalDate.of(2025, 4, 1);

      // when
      int bornFirstOfApril = LegalAge.atSchoolYearStart(LocalDate.of(2019, 4, 1), enrollmentDay);
      int bornSecondOfApril = LegalAge.atSchoolYearStart(LocalDate.of(2019, 4, 2), enrollmentDay);

      // then: 早生まれ (born 1 January – 1 April) enter with the children born the year before
      assertThat(bornFirstOfApril).isEqualTo(6);
      assertThat(bornSecondOfApril).isEqualTo(5);
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
        "2019-04-01, 2025-03-15, 5",
        "2019-03-31, 2025-03-15, 5",
        "2018-04-02, 2025-03-15, 5",
        "2018-04-01, 2025-03-15, 6"})
    void countsADateInMarchInTheSchoolYearThatStartedTheAprilBefore(LocalDate born, LocalDate date, int expected) {
      // when
      int age = LegalAge.atSchoolYearStart(born, date);

      // then
      assertThat(age).isEqualTo(expected);
    }
  }
}
