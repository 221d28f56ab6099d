package org.madoguchi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.demo.DemoDataGenerator.GeneratedHousehold;
import org.madoguchi.demo.DemoDataGenerator.NoticeKind;

class DemoDataGeneratorTest {

  private static final long SEED = 20240401L;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final String KAGOSHIMA = "462012";
  private static final String KIRISHIMA = "462187";
  /** Full-width katakana (including ー and ・) and the full-width space, nothing else. */
  private static final String FULL_WIDTH_KATAKANA = "[\\u30A0-\\u30FF\\u3000]+";

  @Test
  void makesTheSameNoticesAndHouseholdsFromTheSameSeedOnTheSameDay() {
    // given
    DemoDataGenerator first = new DemoDataGenerator(SEED, TODAY);
    DemoDataGenerator second = new DemoDataGenerator(SEED, TODAY);

    // when
    List<Object> fromFirst = generateAll(first);
    List<Object> fromSecond = generateAll(second);

    // then
    assertThat(fromFirst).hasSize(NoticeKind.values().length + 5);
    assertThat(fromSecond).isEqualTo(fromFirst);
  }

  @Test
  void makesDifferentDataFromADifferentSeed() {
    // given
    DemoDataGenerator seeded = new DemoDataGenerator(SEED, TODAY);
    DemoDataGenerator otherwiseSeeded = new DemoDataGenerator(SEED + 1, TODAY);

    // when
    List<Object> fromSeed = generateAll(seeded);
    List<Object> fromOtherSeed = generateAll(otherwiseSeeded);

    // then
    assertThat(fromOtherSeed).isNotEqualTo(fromSeed);
    assertThat(otherwiseSeeded.moveOutNotice("N1", KAGOSHIMA, NoticeKind.FAMILY_OF_FIVE_ON_NHI))
        .isNotEqualTo(new DemoDataGenerator(SEED, TODAY).moveOutNotice("N1", KAGOSHIMA,
            NoticeKind.FAMILY_OF_FIVE_ON_NHI));
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void comesFromAMunicipalityWithAValidLocalGovernmentCode(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.fromMunicipalityCode()).hasSize(6);
    assertThat(CheckDigits.isValidLocalGovernmentCode(notice.fromMunicipalityCode())).isTrue();
    assertThat(notice.toMunicipalityCode()).isEqualTo(KAGOSHIMA);
  }

  @Test
  void sendsTheSecondMunicipalitysHouseholdsToItsTownsFromSomewhereElse() {
    // given: 霧島市 is among the municipalities households move out of
    DemoDataGenerator generator = new DemoDataGenerator(SEED, TODAY);
    List<MoveOutNotice> notices = new ArrayList<>();

    // when
    for (int i = 0; i < 40; i++) {
      notices.add(generator.moveOutNotice("K" + i, KIRISHIMA, NoticeKind.SINGLE_SALARIED));
    }

    // then
    assertThat(notices).allSatisfy(notice -> {
      assertThat(notice.toMunicipalityCode()).isEqualTo(KIRISHIMA);
      assertThat(notice.plannedAddress()).startsWith("鹿児島県霧島市");
      assertThat(notice.fromMunicipalityCode()).isNotEqualTo(KIRISHIMA);
    });
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void writesEveryNameReadingInFullWidthKatakana(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.members()).isNotEmpty().allSatisfy(member -> {
      assertThat(member.name().familyNameKana()).matches(FULL_WIDTH_KATAKANA);
      assertThat(member.name().givenNameKana()).matches(FULL_WIDTH_KATAKANA);
      assertThat(member.name().fullNameKana()).matches(FULL_WIDTH_KATAKANA);
    });
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void hasExactlyOneHouseholdHead(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.members()).filteredOn(HouseholdMember::householdHead).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void hasNobodyBornAfterTheDay(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.members()).allSatisfy(member -> assertThat(member.birthDate()).isBeforeOrEqualTo(TODAY));
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void givesEveryMemberAnIdOfTheNotice(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.id()).isEqualTo("N000001");
    assertThat(notice.members()).extracting(HouseholdMember::id)
        .doesNotHaveDuplicates()
        .allSatisfy(memberId -> assertThat(memberId).startsWith("N000001-"));
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void notifiesTheMoveOutBeforeThePlannedMoveAndNotAfterTheDay(NoticeKind kind) {
    // when
    MoveOutNotice notice = new DemoDataGenerator(SEED, TODAY).moveOutNotice("N000001", KAGOSHIMA, kind);

    // then
    assertThat(notice.plannedMoveDate()).isBeforeOrEqualTo(TODAY);
    assertThat(notice.movedOutOn()).isBefore(notice.plannedMoveDate());
  }

  @Test
  void makesTheFamilyOfFiveOnNhiAged40And38With10And7And2YearOldChildren() {
    // given
    DemoDataGenerator generator = new DemoDataGenerator(SEED, TODAY);

    // when
    MoveOutNotice notice = generator.moveOutNotice("N000001", KAGOSHIMA, NoticeKind.FAMILY_OF_FIVE_ON_NHI);

    // then
    assertThat(notice.members())
        .extracting(member -> Period.between(member.birthDate(), TODAY).getYears())
        .containsExactly(40, 38, 10, 7, 2);
    assertThat(notice.members()).allSatisfy(member -> assertThat(member.flags().nhiInsured()).isTrue());
    assertThat(notice.householdHead().relationship()).isEqualTo("世帯主");
  }

  @Test
  void keepsTheFamilyOfFiveAtTheSameAgesOnALeapDay() {
    // given
    LocalDate leapDay = LocalDate.of(2024, 2, 29);

    for (long seed = 0; seed < 50; seed++) {
      // when
      MoveOutNotice notice = new DemoDataGenerator(seed, leapDay)
          .moveOutNotice("N000001", KAGOSHIMA, NoticeKind.FAMILY_OF_FIVE_ON_NHI);

      // then
      assertThat(notice.members())
          .extracting(member -> Period.between(member.birthDate(), leapDay).getYears())
          .as("seed %d", seed)
          .containsExactly(40, 38, 10, 7, 2);
    }
  }

  @Test
  void makesTheSchoolAgeBoundaryChildrenBornOn1And2AprilSixYearsBeforeTheSchoolYear() {
    // given: the school year containing 22 November 2026 starts on 1 April 2026
    DemoDataGenerator generator = new DemoDataGenerator(SEED, TODAY);

    // when
    MoveOutNotice notice = generator.moveOutNotice("N000001", KAGOSHIMA, NoticeKind.SCHOOL_AGE_BOUNDARY);

    // then
    assertThat(notice.members()).extracting(HouseholdMember::birthDate)
        .contains(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 2));
  }

  @Test
  void makesResidentHouseholdsWithOneHeadListedFirst() {
    // given
    DemoDataGenerator generator = new DemoDataGenerator(SEED, TODAY);

    for (int i = 0; i < 50; i++) {
      // when
      GeneratedHousehold household = generator.residentHousehold();

      // then
      assertThat(household.members()).isNotEmpty();
      assertThat(household.members().get(0).head()).isTrue();
      assertThat(household.members()).filteredOn(DemoDataGenerator.GeneratedMember::head).hasSize(1);
      assertThat(household.members()).allSatisfy(member -> {
        assertThat(member.birthDate()).isBeforeOrEqualTo(TODAY);
        assertThat(member.name().fullNameKana()).matches(FULL_WIDTH_KATAKANA);
      });
    }
  }

  private static List<Object> generateAll(DemoDataGenerator generator) {
    List<Object> generated = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      generated.add(generator.residentHousehold());
    }
    for (NoticeKind kind : NoticeKind.values()) {
      generated.add(generator.moveOutNotice("N%06d".formatted(kind.ordinal() + 1), KAGOSHIMA, kind));
    }
    return generated;
  }
}
