package org.madoguchi.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/**
 * The benchmark's unit of work: the move-in of the seeds' 5-person household, exactly as
 * engine-app's MoveInJourney drives it. The household (two parents on national health insurance and in
 * the national pension, children aged 10, 7 and 2; the head asks for seal registration) triggers eight
 * procedures; with the visit that is nine process instances, 28 user tasks completed (2 at the visit,
 * Accept/Check/Approve of each procedure, plus the NHI check returned once and corrected) and ten jobs
 * (registration, spawning, eight hand-overs).
 */
final class MoveInBundle {

  /** One procedure case the household triggers: its process key and the members concerned (1-based positions). */
  record Case(String processKey, List<Integer> members) {
  }

  static final String VISIT_PROCESS = "move-in-visit";
  static final String RETURNED_PROCEDURE = "nhi-enrollment";
  static final String RETURN_REASON = "前住所地の資格喪失日が未確認です";
  static final String MUNICIPALITY_CODE = "462012";

  static final List<Case> CASES = List.of(
      new Case("nhi-enrollment", List.of(1, 2, 3, 4, 5)),
      new Case("national-pension", List.of(1)),
      new Case("national-pension", List.of(2)),
      new Case("child-allowance", List.of(1)),
      new Case("child-medical-subsidy", List.of(3, 4, 5)),
      new Case("school-enrollment", List.of(3)),
      new Case("school-enrollment", List.of(4)),
      new Case("seal-registration", List.of(1)));

  /** Department user → the group whose tasks they work; the counter ("counter") accepts and corrects. */
  static final List<String[]> DEPARTMENTS = List.of(
      new String[] {"hoken", "insurance-pension"},
      new String[] {"kosodate", "child-support"},
      new String[] {"gakko", "school-education"},
      new String[] {"shimin", "citizens"});

  private static final StatusFlags NHI_WITH_PENSION = new StatusFlags(true, false, false, true, false, false);
  private static final StatusFlags NHI_CHILD = new StatusFlags(true, false, false, false, false, false);

  private MoveInBundle() {
  }

  static String headMemberId(String noticeId) {
    return noticeId + "-1";
  }

  /** The household's move-out notice (as engine-app's test support DemoHouseholds.familyOfFive builds it). */
  static MoveOutNotice notice(String id, String toMunicipalityCode) {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    return new MoveOutNotice(id, MoveOutNotice.Source.JUKI_NET, toMunicipalityCode, "401331", "福岡市中央区",
        "福岡県福岡市中央区天神二丁目3番4号", today.minusDays(10), today.minusDays(2), "890-0053",
        "鹿児島県鹿児島市中央町10番1号", "コーポ桜島201号室", List.of(
            member(id, 1, "薩摩", "太郎", "サツマ", "タロウ", today.minusYears(40).minusDays(45), Sex.MALE, "世帯主", true,
                NHI_WITH_PENSION),
            member(id, 2, "薩摩", "花子", "サツマ", "ハナコ", today.minusYears(38).minusDays(100), Sex.FEMALE, "妻", false,
                NHI_WITH_PENSION),
            member(id, 3, "薩摩", "一郎", "サツマ", "イチロウ", today.minusYears(10).minusDays(20), Sex.MALE, "子", false,
                NHI_CHILD),
            member(id, 4, "薩摩", "二葉", "サツマ", "フタバ", today.minusYears(7).minusDays(150), Sex.FEMALE, "子", false,
                NHI_CHILD),
            member(id, 5, "薩摩", "三郎", "サツマ", "サブロウ", today.minusYears(2).minusDays(60), Sex.MALE, "子", false,
                NHI_CHILD)));
  }

  private static HouseholdMember member(String noticeId, int position, String family, String given,
      String familyKana, String givenKana, LocalDate birthDate, Sex sex, String relationship, boolean head,
      StatusFlags flags) {
    return new HouseholdMember(noticeId + "-" + position, new PersonName(family, given, familyKana, givenKana),
        birthDate, sex, relationship, head, flags);
  }
}
