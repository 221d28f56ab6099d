package org.madoguchi.support;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/** Move-out notices with exactly the households a test needs, ages counted from today. */
public final class DemoHouseholds {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final StatusFlags NHI_WITH_PENSION = new StatusFlags(true, false, false, true, false, false);
  private static final StatusFlags NHI_CHILD = new StatusFlags(true, false, false, false, false, false);

  private DemoHouseholds() {
  }

  /**
   * The seeds' family (Kagoshima's measured example): two parents on national health insurance and in the
   * national pension, children aged 10, 7 and 2; nobody holds a My Number card.
   */
  public static MoveOutNotice familyOfFive(String toMunicipalityCode) {
    return familyOfFive(toMunicipalityCode, "薩摩", "サツマ");
  }

  /** The same family under another family name: for a test that must find exactly its own household. */
  public static MoveOutNotice familyOfFive(String toMunicipalityCode, String familyName, String familyNameKana) {
    String id = "T" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    return new MoveOutNotice(id, MoveOutNotice.Source.JUKI_NET, toMunicipalityCode, "401331", "福岡市中央区",
        "福岡県福岡市中央区天神二丁目3番4号", today.minusDays(10), today.minusDays(2), "890-0053",
        "鹿児島県鹿児島市中央町10番1号", "コーポ桜島201号室", List.of(
            member(id, 1, familyName, "太郎", familyNameKana, "タロウ", today.minusYears(40).minusDays(45), Sex.MALE, "世帯主", true,
                NHI_WITH_PENSION),
            member(id, 2, familyName, "花子", familyNameKana, "ハナコ", today.minusYears(38).minusDays(100), Sex.FEMALE, "妻", false,
                NHI_WITH_PENSION),
            member(id, 3, familyName, "一郎", familyNameKana, "イチロウ", today.minusYears(10).minusDays(20), Sex.MALE, "子", false,
                NHI_CHILD),
            member(id, 4, familyName, "二葉", familyNameKana, "フタバ", today.minusYears(7).minusDays(150), Sex.FEMALE, "子", false,
                NHI_CHILD),
            member(id, 5, familyName, "三郎", familyNameKana, "サブロウ", today.minusYears(2).minusDays(60), Sex.MALE, "子", false,
                NHI_CHILD)));
  }

  private static HouseholdMember member(String noticeId, int position, String family, String given,
      String familyKana, String givenKana, LocalDate birthDate, Sex sex, String relationship, boolean head,
      StatusFlags flags) {
    return new HouseholdMember(noticeId + "-" + position, new PersonName(family, given, familyKana, givenKana),
        birthDate, sex, relationship, head, flags);
  }
}
