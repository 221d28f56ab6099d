package org.madoguchi.processes.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.processes.decision.MemberFacts.member;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.madoguchi.processes.decision.RelatedProcedures.Decided;

/** One test per outcome of {@code move-in-related-procedures}; the boundaries are in the boundary test. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "dmn/move-in-related-procedures.dmn")
class MoveInRelatedProceduresDecisionTest {

  private static final int CHILD_MEDICAL_SUBSIDY_AGE_LIMIT = 18;

  ProcessEngine engine;

  @Test
  void decidesNhiEnrollmentForAMemberUnder75WithoutEmployerHealthInsurance() {
    MemberFacts selfEmployed = member("self-employed").aged(52);

    assertThat(decideAlone(selfEmployed))
        .contains(new Decided("nhi-enrollment", "勤務先の健康保険に加入していない75歳未満のため"));
  }

  @Test
  void decidesNoNhiEnrollmentForAMemberWithEmployerHealthInsurance() {
    MemberFacts employee = member("employee").aged(52).employerHealthInsurance();

    assertThat(procedures(decideAlone(employee))).doesNotContain("nhi-enrollment");
  }

  @Test
  void decidesLateStageElderlyMedicalInsteadOfNhiFrom75() {
    MemberFacts elder = member("elder").aged(75);

    List<Decided> decided = decideAlone(elder);

    assertThat(decided).contains(new Decided("late-stage-elderly-medical", "75歳以上のため"));
    assertThat(procedures(decided)).doesNotContain("nhi-enrollment");
  }

  @Test
  void decidesLateStageElderlyMedicalInsteadOfNhiForACertifiedMemberAged65To74() {
    MemberFacts certified = member("certified").aged(68).lateStageElderlyInsured();

    List<Decided> decided = decideAlone(certified);

    assertThat(decided)
        .contains(new Decided("late-stage-elderly-medical", "65歳以上75歳未満で障害認定を受けているため"));
    assertThat(procedures(decided)).doesNotContain("nhi-enrollment");
  }

  @Test
  void decidesOneLateStageElderlyMedicalForACertifiedMemberOf75OrOver() {
    MemberFacts certifiedElder = member("certified-elder").aged(80).lateStageElderlyInsured();

    assertThat(decideAlone(certifiedElder)).filteredOn(d -> d.procedure().equals("late-stage-elderly-medical"))
        .containsExactly(new Decided("late-stage-elderly-medical", "75歳以上のため"));
  }

  @Test
  void decidesLongTermCareAsAFirstCategoryInsuredFrom65() {
    MemberFacts senior = member("senior").aged(66);

    assertThat(decideAlone(senior)).contains(new Decided("long-term-care", "65歳以上のため（第1号被保険者）"));
  }

  @Test
  void decidesLongTermCareCarryingOverTheCertificationOfAFirstCategoryInsured() {
    MemberFacts certifiedSenior = member("certified-senior").aged(82).longTermCareCertified();

    assertThat(decideAlone(certifiedSenior)).filteredOn(d -> d.procedure().equals("long-term-care"))
        .containsExactly(new Decided("long-term-care", "65歳以上で要介護・要支援認定を引き継ぐため（第1号被保険者）"));
  }

  @Test
  void decidesLongTermCareForASecondCategoryInsuredOnlyWithACertificationToCarryOver() {
    MemberFacts certified = member("certified").aged(55).longTermCareCertified();
    MemberFacts notCertified = member("not-certified").aged(55);

    assertThat(decideAlone(certified)).contains(
        new Decided("long-term-care", "40歳以上65歳未満で要介護・要支援認定を引き継ぐため（第2号被保険者）"));
    assertThat(procedures(decideAlone(notCertified))).doesNotContain("long-term-care");
  }

  @Test
  void decidesNationalPensionFor20To59WithoutEmployeePension() {
    MemberFacts student = member("student").aged(21);

    assertThat(decideAlone(student))
        .contains(new Decided("national-pension", "20歳以上60歳未満で厚生年金に加入していないため"));
  }

  @Test
  void decidesNoNationalPensionForAMemberInEmployeePension() {
    MemberFacts employee = member("employee").aged(35).employerHealthInsurance().employeePension();

    assertThat(procedures(decideAlone(employee))).doesNotContain("national-pension");
  }

  @Test
  void decidesOneChildAllowanceClaimForTheMainSupporterOnly() {
    MemberFacts father = member("father").aged(44);
    MemberFacts mother = member("mother").aged(41);
    MemberFacts eldest = member("eldest").aged(16).ageAtSchoolYearStart(15);
    MemberFacts second = member("second").aged(12).ageAtSchoolYearStart(11);
    MemberFacts youngest = member("youngest").aged(3).ageAtSchoolYearStart(2);
    HouseholdFacts household = HouseholdFacts.of(father, mother, eldest, second, youngest).mainSupporter(mother);

    Map<String, List<Decided>> decided = decideEach(household);

    assertThat(decided.get("mother"))
        .filteredOn(d -> d.procedure().equals("child-allowance"))
        .containsExactly(new Decided("child-allowance", "18歳到達後最初の3月31日までの児童を養育しているため"));
    assertThat(decided.values().stream().flatMap(List::stream).map(Decided::procedure))
        .containsOnlyOnce("child-allowance");
  }

  @Test
  void decidesChildAllowanceUntilTheFirst31MarchAfterTheChildTurns18() {
    MemberFacts parent = member("parent").aged(50);
    MemberFacts turnedEighteenThisSchoolYear = member("child").aged(18).ageAtSchoolYearStart(17);

    List<Decided> decided = decide(parent, HouseholdFacts.of(parent, turnedEighteenThisSchoolYear));

    assertThat(procedures(decided)).contains("child-allowance");
  }

  @Test
  void decidesNoChildAllowanceWhenTheOnlyChildHasPassedTheFirst31MarchAfterTurning18() {
    MemberFacts parent = member("parent").aged(50);
    MemberFacts grownUp = member("child").aged(18).ageAtSchoolYearStart(18);

    List<Decided> decided = decide(parent, HouseholdFacts.of(parent, grownUp));

    assertThat(procedures(decided)).doesNotContain("child-allowance");
  }

  @Test
  void decidesChildMedicalSubsidyBelowTheMunicipalitysAgeLimit() {
    MemberFacts pupil = member("pupil").aged(14);
    MemberFacts highSchoolStudent = member("high-school-student").aged(16).ageAtSchoolYearStart(15);
    HouseholdFacts household = HouseholdFacts.of(member("parent"), pupil, highSchoolStudent);

    assertThat(decide(pupil, household, 15)).contains(new Decided("child-medical-subsidy",
        "子ども医療費助成の対象年齢（15歳到達後最初の3月31日まで）のため"));
    assertThat(procedures(decide(highSchoolStudent, household, 15))).doesNotContain("child-medical-subsidy");
    assertThat(decide(highSchoolStudent, household, 18)).contains(new Decided("child-medical-subsidy",
        "子ども医療費助成の対象年齢（18歳到達後最初の3月31日まで）のため"));
  }

  @Test
  void decidesElementarySchoolEnrollmentFromTheFirstSchoolYearAfterTurning6() {
    MemberFacts firstGrader = member("first-grader").aged(7).ageAtSchoolYearStart(6);

    assertThat(decideAlone(firstGrader)).contains(new Decided("school-enrollment", "学齢（小学校）のため"));
  }

  @Test
  void decidesJuniorHighSchoolEnrollmentUntilTheEndOfTheSchoolYearOfTurning15() {
    MemberFacts thirdYear = member("third-year").aged(15).ageAtSchoolYearStart(14);

    assertThat(decideAlone(thirdYear)).contains(new Decided("school-enrollment", "学齢（中学校）のため"));
  }

  @Test
  void decidesNoSchoolEnrollmentBeforeOrAfterCompulsorySchoolAge() {
    MemberFacts preschooler = member("preschooler").aged(6).ageAtSchoolYearStart(5);
    MemberFacts highSchoolStudent = member("high-school-student").aged(16).ageAtSchoolYearStart(15);

    assertThat(procedures(decideAlone(preschooler))).doesNotContain("school-enrollment");
    assertThat(procedures(decideAlone(highSchoolStudent))).doesNotContain("school-enrollment");
  }

  @Test
  void decidesSealRegistrationForAMemberOf15OrOverWhoAsksForIt() {
    MemberFacts asking = member("asking").aged(15).wantsSealRegistration();
    MemberFacts notAsking = member("not-asking").aged(40);
    MemberFacts tooYoung = member("too-young").aged(14).wantsSealRegistration();

    assertThat(decideAlone(asking)).contains(new Decided("seal-registration", "印鑑登録を希望したため"));
    assertThat(procedures(decideAlone(notAsking))).doesNotContain("seal-registration");
    assertThat(procedures(decideAlone(tooYoung))).doesNotContain("seal-registration");
  }

  @Test
  void decidesCardContinuationForEveryMemberHoldingACard() {
    MemberFacts holder = member("holder").holdsMyNumberCard();
    MemberFacts childHolder = member("child-holder").aged(2).holdsMyNumberCard();
    MemberFacts withoutCard = member("without-card").aged(38);
    HouseholdFacts household = HouseholdFacts.of(holder, childHolder, withoutCard);

    Map<String, List<Decided>> decided = decideEach(household);

    Decided cardContinuation = new Decided("card-continuation", "マイナンバーカードの継続利用（住所変更）のため");
    assertThat(decided.get("holder")).contains(cardContinuation);
    assertThat(decided.get("child-holder")).contains(cardContinuation);
    assertThat(procedures(decided.get("without-card"))).doesNotContain("card-continuation");
  }

  /**
   * Moving in on 1 October 2025 (school year 1 April 2025 – 31 March 2026): father born 10 May 1985,
   * mother 20 August 1987, children 15 June 2015 (4th grade), 20 January 2018 (2nd grade) and
   * 11 February 2023; nobody has employer insurance or employee pension.
   */
  @Test
  void decidesEveryMembersProceduresInAFiveMemberHousehold() {
    MemberFacts father = member("father").aged(40).ageAtSchoolYearStart(39).relationship("世帯主").householdHead()
        .wantsSealRegistration().holdsMyNumberCard();
    MemberFacts mother = member("mother").aged(38).ageAtSchoolYearStart(37).relationship("妻").holdsMyNumberCard();
    MemberFacts eldest = member("eldest").aged(10).ageAtSchoolYearStart(9).relationship("子").holdsMyNumberCard();
    MemberFacts second = member("second").aged(7).ageAtSchoolYearStart(7).relationship("子");
    MemberFacts youngest = member("youngest").aged(2).ageAtSchoolYearStart(2).relationship("子");
    HouseholdFacts household = HouseholdFacts.of(father, mother, eldest, second, youngest).mainSupporter(father);

    Map<String, List<Decided>> decided = decideEach(household);

    assertThat(procedures(decided.get("father"))).containsExactlyInAnyOrder(
        "nhi-enrollment", "national-pension", "child-allowance", "seal-registration", "card-continuation");
    assertThat(procedures(decided.get("mother"))).containsExactlyInAnyOrder(
        "nhi-enrollment", "national-pension", "card-continuation");
    assertThat(procedures(decided.get("eldest"))).containsExactlyInAnyOrder(
        "nhi-enrollment", "child-medical-subsidy", "school-enrollment", "card-continuation");
    assertThat(procedures(decided.get("second"))).containsExactlyInAnyOrder(
        "nhi-enrollment", "child-medical-subsidy", "school-enrollment");
    assertThat(procedures(decided.get("youngest"))).containsExactlyInAnyOrder(
        "nhi-enrollment", "child-medical-subsidy");
    assertThat(decided.get("eldest")).contains(new Decided("school-enrollment", "学齢（小学校）のため"));
    assertThat(decided.get("second")).contains(new Decided("school-enrollment", "学齢（小学校）のため"));
  }

  @Test
  void decidesNothingForAMemberWhoseFactsAreMissing() {
    Map<String, Object> member = new HashMap<>();
    member.put("id", "unknown");
    member.put("age", null);
    member.put("ageReached", null);
    member.put("ageAtSchoolYearStart", null);
    MemberFacts.FLAGS.forEach(flag -> member.put(flag, null));
    Map<String, Object> household = new HashMap<>();
    household.put("mainSupporterMemberId", "unknown");
    household.put("members", List.of(member));

    assertThat(RelatedProcedures.decide(engine.getDecisionService(), member, household, new HashMap<>())).isEmpty();
  }

  @Test
  void decidesNoChildAllowanceWhenNeitherTheMemberNorTheMainSupporterIsKnown() {
    Map<String, Object> unidentified = member("unidentified").toMap();
    unidentified.put("id", null);
    Map<String, Object> household = new HashMap<>();
    household.put("mainSupporterMemberId", null);
    household.put("members", List.of(unidentified, member("child").aged(5).toMap()));

    List<Decided> decided = RelatedProcedures.decide(engine.getDecisionService(), unidentified, household,
        RelatedProcedures.tenant(CHILD_MEDICAL_SUBSIDY_AGE_LIMIT));

    assertThat(procedures(decided)).doesNotContain("child-allowance");
  }

  @Test
  void decidesNoChildAllowanceForAChildWhoseAgeAtSchoolYearStartIsMissing() {
    MemberFacts parent = member("parent").aged(35);
    Map<String, Object> childWithoutAge = member("child").toMap();
    childWithoutAge.put("ageAtSchoolYearStart", null);
    Map<String, Object> household = new HashMap<>();
    household.put("mainSupporterMemberId", "parent");
    household.put("members", List.of(parent.toMap(), childWithoutAge));

    List<Decided> decided = RelatedProcedures.decide(engine.getDecisionService(), parent.toMap(), household,
        RelatedProcedures.tenant(CHILD_MEDICAL_SUBSIDY_AGE_LIMIT));

    assertThat(procedures(decided)).doesNotContain("child-allowance");
  }

  private List<Decided> decideAlone(MemberFacts member) {
    return decide(member, HouseholdFacts.of(member));
  }

  private List<Decided> decide(MemberFacts member, HouseholdFacts household) {
    return decide(member, household, CHILD_MEDICAL_SUBSIDY_AGE_LIMIT);
  }

  private List<Decided> decide(MemberFacts member, HouseholdFacts household, int childMedicalSubsidyAgeLimit) {
    return RelatedProcedures.decide(engine.getDecisionService(), member, household, childMedicalSubsidyAgeLimit);
  }

  /** Evaluates the decision for every member of the household, as the visit does. */
  private Map<String, List<Decided>> decideEach(HouseholdFacts household) {
    Map<String, List<Decided>> decided = new LinkedHashMap<>();
    household.members().forEach(member -> decided.put(member.id(), decide(member, household)));
    return decided;
  }

  private static List<String> procedures(List<Decided> decided) {
    return decided.stream().map(Decided::procedure).toList();
  }
}
