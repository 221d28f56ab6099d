package org.madoguchi.processes.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.processes.decision.MemberFacts.member;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.processes.decision.RelatedProcedures.Decided;

/**
 * Every boundary of {@code move-in-related-procedures}, on both sides: one row per member, with the exact
 * procedures decided for that member and, where the row probes a rule, that rule's reason.
 *
 * <p>Columns: {@code member} as {@link MemberFacts#described} reads it (an adult of 40 with every flag false,
 * changed by {@code age=N}, {@code ageReached=N}, {@code ageAtSchoolYearStart=N} and flag names);
 * {@code household}: empty for the member and another adult who is the main supporter, or
 * {@code mainSupporter} (the member is) and {@code child=N} (a child whose ageAtSchoolYearStart is N);
 * {@code limit}: the tenant's childMedicalSubsidyAgeLimit; {@code procedures}: every procedure decided;
 * {@code reason}: {@code procedure=reason} for the rule the row probes.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "dmn/move-in-related-procedures.dmn")
class MoveInRelatedProceduresBoundaryTest {

  ProcessEngine engine;

  @ParameterizedTest
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      member                                     | household               | limit | procedures                                                                   | reason
      # 学齢: from ageAtSchoolYearStart 6 (小学校), 12 (中学校), to below 15
      age=6 ageAtSchoolYearStart=5               |                         | 18    | nhi-enrollment child-medical-subsidy                                         |
      age=6                                      |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       | school-enrollment=学齢（小学校）のため
      age=12 ageAtSchoolYearStart=11             |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       | school-enrollment=学齢（小学校）のため
      age=12                                     |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       | school-enrollment=学齢（中学校）のため
      age=15 ageAtSchoolYearStart=14             |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       | school-enrollment=学齢（中学校）のため
      age=15                                     |                         | 18    | nhi-enrollment child-medical-subsidy                                         |
      # 児童手当: the main supporter, while a child's ageAtSchoolYearStart is below 18
      age=40                                     | mainSupporter child=0   | 18    | nhi-enrollment national-pension child-allowance                              | child-allowance=18歳到達後最初の3月31日までの児童を養育しているため
      age=40                                     | mainSupporter child=17  | 18    | nhi-enrollment national-pension child-allowance                              | child-allowance=18歳到達後最初の3月31日までの児童を養育しているため
      age=40                                     | mainSupporter child=18  | 18    | nhi-enrollment national-pension                                              |
      age=40                                     | child=17                | 18    | nhi-enrollment national-pension                                              |
      # 子ども医療費助成: ageAtSchoolYearStart below the tenant's limit
      age=14                                     |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       | child-medical-subsidy=子ども医療費助成の対象年齢（18歳到達後最初の3月31日まで）のため
      age=14                                     |                         | 15    | nhi-enrollment child-medical-subsidy school-enrollment                       | child-medical-subsidy=子ども医療費助成の対象年齢（15歳到達後最初の3月31日まで）のため
      age=15                                     |                         | 18    | nhi-enrollment child-medical-subsidy                                         | child-medical-subsidy=子ども医療費助成の対象年齢（18歳到達後最初の3月31日まで）のため
      age=15                                     |                         | 15    | nhi-enrollment                                                               |
      age=17                                     |                         | 18    | nhi-enrollment child-medical-subsidy                                         |
      age=17                                     |                         | 15    | nhi-enrollment                                                               |
      age=18 ageAtSchoolYearStart=17             |                         | 18    | nhi-enrollment child-medical-subsidy                                         |
      age=18                                     |                         | 18    | nhi-enrollment                                                               |
      # 国民年金: ageReached from 20 to below 60, without employee pension
      age=19                                     |                         | 18    | nhi-enrollment                                                               |
      age=19 ageReached=20                       |                         | 18    | nhi-enrollment national-pension                                              | national-pension=20歳以上60歳未満で厚生年金に加入していないため
      age=20                                     |                         | 18    | nhi-enrollment national-pension                                              | national-pension=20歳以上60歳未満で厚生年金に加入していないため
      age=20 employeePension                     |                         | 18    | nhi-enrollment                                                               |
      age=59                                     |                         | 18    | nhi-enrollment national-pension                                              | national-pension=20歳以上60歳未満で厚生年金に加入していないため
      age=59 employeePension                     |                         | 18    | nhi-enrollment                                                               |
      age=59 ageReached=60                       |                         | 18    | nhi-enrollment                                                               |
      age=60                                     |                         | 18    | nhi-enrollment                                                               |
      # 介護保険: ageReached 65 and over (第1号); 40 to below 65 only with a certification (第2号)
      age=39                                     |                         | 18    | nhi-enrollment national-pension                                              |
      age=39 longTermCareCertified               |                         | 18    | nhi-enrollment national-pension                                              |
      age=39 ageReached=40 longTermCareCertified |                         | 18    | nhi-enrollment national-pension long-term-care                               | long-term-care=40歳以上65歳未満で要介護・要支援認定を引き継ぐため（第2号被保険者）
      age=40                                     |                         | 18    | nhi-enrollment national-pension                                              |
      age=40 longTermCareCertified               |                         | 18    | nhi-enrollment national-pension long-term-care                               | long-term-care=40歳以上65歳未満で要介護・要支援認定を引き継ぐため（第2号被保険者）
      age=64                                     |                         | 18    | nhi-enrollment                                                               |
      age=64 longTermCareCertified               |                         | 18    | nhi-enrollment long-term-care                                                | long-term-care=40歳以上65歳未満で要介護・要支援認定を引き継ぐため（第2号被保険者）
      age=64 ageReached=65                       |                         | 18    | nhi-enrollment long-term-care                                                | long-term-care=65歳以上のため（第1号被保険者）
      age=65                                     |                         | 18    | nhi-enrollment long-term-care                                                | long-term-care=65歳以上のため（第1号被保険者）
      age=65 longTermCareCertified               |                         | 18    | nhi-enrollment long-term-care                                                | long-term-care=65歳以上で要介護・要支援認定を引き継ぐため（第1号被保険者）
      # 後期高齢者医療: age 75 and over; 65 to below 75 when certified
      age=64 lateStageElderlyInsured             |                         | 18    | nhi-enrollment                                                               | nhi-enrollment=勤務先の健康保険に加入していない75歳未満のため
      age=65 lateStageElderlyInsured             |                         | 18    | late-stage-elderly-medical long-term-care                                    | late-stage-elderly-medical=65歳以上75歳未満で障害認定を受けているため
      age=74                                     |                         | 18    | nhi-enrollment long-term-care                                                | nhi-enrollment=勤務先の健康保険に加入していない75歳未満のため
      age=74 lateStageElderlyInsured             |                         | 18    | late-stage-elderly-medical long-term-care                                    | late-stage-elderly-medical=65歳以上75歳未満で障害認定を受けているため
      age=75                                     |                         | 18    | late-stage-elderly-medical long-term-care                                    | late-stage-elderly-medical=75歳以上のため
      age=75 lateStageElderlyInsured             |                         | 18    | late-stage-elderly-medical long-term-care                                    | late-stage-elderly-medical=75歳以上のため
      # 国民健康保険: age below 75 without employer health insurance
      age=40 employerHealthInsurance             |                         | 18    | national-pension                                                             |
      age=74 employerHealthInsurance             |                         | 18    | long-term-care                                                               |
      age=75 employerHealthInsurance             |                         | 18    | late-stage-elderly-medical long-term-care                                    |
      # 印鑑登録: age 15 and over who asked for it
      age=14 wantsSealRegistration               |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment                       |
      age=15 wantsSealRegistration               |                         | 18    | nhi-enrollment child-medical-subsidy seal-registration                       | seal-registration=印鑑登録を希望したため
      age=40 wantsSealRegistration               |                         | 18    | nhi-enrollment national-pension seal-registration                            | seal-registration=印鑑登録を希望したため
      # マイナンバーカード継続利用: holds a card
      age=40 holdsMyNumberCard                   |                         | 18    | nhi-enrollment national-pension card-continuation                            | card-continuation=マイナンバーカードの継続利用（住所変更）のため
      age=7 holdsMyNumberCard                    |                         | 18    | nhi-enrollment child-medical-subsidy school-enrollment card-continuation     | card-continuation=マイナンバーカードの継続利用（住所変更）のため
      """)
  void decidesExactlyTheProceduresOfTheRulesAMemberMeets(String member, String household, int limit,
      String procedures, String reason) {
    MemberFacts evaluated = MemberFacts.described("member", member);

    List<Decided> decided = RelatedProcedures.decide(engine.getDecisionService(), evaluated,
        household(evaluated, household), limit);

    assertThat(decided).extracting(Decided::procedure)
        .containsExactlyInAnyOrderElementsOf(words(procedures));
    if (reason != null) {
      String[] procedureAndReason = reason.split("=", 2);
      assertThat(decided).contains(new Decided(procedureAndReason[0], procedureAndReason[1]));
    }
  }

  /**
   * The member and another adult, the main supporter; {@code mainSupporter} makes the member the main
   * supporter and {@code child=N} adds a child whose ageAtSchoolYearStart is N.
   */
  private static HouseholdFacts household(MemberFacts evaluated, String description) {
    MemberFacts otherAdult = member("other-adult").aged(45);
    HouseholdFacts household = HouseholdFacts.of(otherAdult, evaluated);
    for (String token : words(description)) {
      if (token.equals("mainSupporter")) {
        household.mainSupporter(evaluated);
      } else if (token.startsWith("child=")) {
        int ageAtSchoolYearStart = Integer.parseInt(token.substring("child=".length()));
        household.add(member("child").aged(ageAtSchoolYearStart + 1).ageAtSchoolYearStart(ageAtSchoolYearStart));
      } else {
        throw new IllegalArgumentException("not a household fact: " + token);
      }
    }
    return household;
  }

  private static List<String> words(String text) {
    return text == null ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }
}
