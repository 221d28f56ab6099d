package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritingBurdenTest {

  private static final FormCatalog FORMS = FormCatalog.fromClasspath();

  /**
   * The household of seeds/002 (鹿児島市's measured example): a 5-person household on NHI moving in — the parents on
   * national pension, children aged 10, 7 and 2 — where the head asks for seal registration.
   *
   * <ul>
   *   <li>住民異動届 lists all 5 who move; NHI lists all 5 who join.</li>
   *   <li>国民年金 is one form per insured person: two forms of 1 (the parents).</li>
   *   <li>児童手当: one claim by the main supporter (the head). The claimant's own block and the spouse's block are
   *       not repeated; the repeated list is the children the claimant supports, so it lists 3.</li>
   *   <li>子ども医療費助成: one household application listing the 3 children (all below 鹿児島市's limit).</li>
   *   <li>就学: one form per pupil: the children of 10 and 7 (the 2-year-old is not of school age).</li>
   *   <li>印鑑登録: the head alone.</li>
   * </ul>
   */
  private static final List<Application> SEED_FAMILY_MOVE_IN = List.of(
      Application.of("move-in-notification", 5),
      Application.of("nhi-enrollment-application", 5),
      Application.of("national-pension-application", 1),
      Application.of("national-pension-application", 1),
      Application.of("child-allowance-application", 3),
      Application.of("child-medical-subsidy-application", 3),
      Application.of("school-enrollment-application", 1),
      Application.of("school-enrollment-application", 1),
      Application.of("seal-registration-application", 1));

  @Test
  void asksTheResidentToWriteNothingOnAnyApplication() {
    FORMS.forms().forEach(form -> assertThat(form.residentWrittenFields(5)).as(form.id()).isZero());
  }

  @Test
  void countsThePaperEntriesOfTheSeedFamilyFormByForm() {
    WritingBurden burden = WritingBurden.of(FORMS, SEED_FAMILY_MOVE_IN);

    // Derived by hand from the forms (m = per listed member):
    //   move-in-notification (5):  届出日 異動日 住所 方書 前住所 世帯主氏名×2 電話番号 署名(氏名)      = 9
    //                              + m×(氏名 フリガナ 生年月日 性別 続柄) = 5×5 = 25                → 34
    //   nhi-enrollment (5):        届出日 世帯主氏名 フリガナ 生年月日 個人番号 郵便番号 住所 電話番号
    //                              異動日 前住所 署名(氏名)                                         = 11
    //                              + m×(氏名 フリガナ 生年月日 性別 続柄 個人番号) = 5×6 = 30        → 41
    //   national-pension (1), ×2:  届出日 個人番号 氏名 フリガナ 生年月日 性別 郵便番号 住所 電話番号
    //                              異動日 = 10 each (the insured signs in the 氏名 box)             → 20
    //   child-allowance (3):       届出日 氏名 フリガナ 生年月日 個人番号 郵便番号 住所 電話番号 勤務先
    //                              加入年金 前住所 配偶者氏名 配偶者個人番号 金融機関 口座番号 口座名義 = 16
    //                              + m×(氏名 フリガナ 生年月日 続柄) = 3×4 = 12                      → 28
    //   child-medical-subsidy (3): 届出日 氏名 フリガナ 生年月日 郵便番号 住所 電話番号 保険の種類    = 8
    //                              + m×(氏名 フリガナ 生年月日 性別 続柄) = 3×5 = 15                 → 23
    //   school-enrollment (1), ×2: 届出日 氏名 フリガナ 生年月日 性別 学年 前在籍校 保護者氏名 続柄 住所
    //                              電話番号 異動日 = 12 each                                        → 24
    //   seal-registration (1):     届出日 住所 氏名 フリガナ 生年月日 電話番号                       → 6
    //                                                                                         total 176
    assertThat(burden.paper().byForm()).containsExactly(
        entry("move-in-notification", 34),
        entry("nhi-enrollment-application", 41),
        entry("national-pension-application", 20),
        entry("child-allowance-application", 28),
        entry("child-medical-subsidy-application", 23),
        entry("school-enrollment-application", 24),
        entry("seal-registration-application", 6));
    assertThat(burden.paper().total()).isEqualTo(176);
  }

  @Test
  void countsThePaperEntriesOfTheSeedFamilyItemByItem() {
    WritingBurden burden = WritingBurden.of(FORMS, SEED_FAMILY_MOVE_IN);

    // Item by item, summing the forms above (move-in, NHI, pension×2, allowance, medical, school×2, seal):
    //   氏名      6 + 6 + 2 + 5 + 4 + 4 + 1 = 28  (members listed, signatures, claimant, spouse, guardians)
    //   フリガナ  5 + 6 + 2 + 4 + 4 + 2 + 1 = 24
    //   生年月日  5 + 6 + 2 + 4 + 4 + 2 + 1 = 24
    //   続柄      5 + 5     + 3 + 3 + 2     = 18
    //   性別      5 + 5 + 2     + 3 + 2     = 17
    //   個人番号      6 + 2 + 2             = 10  (read from the card at Madoguchi, never stored)
    //   届出日    1 + 1 + 2 + 1 + 1 + 2 + 1 =  9
    //   住所      1 + 1 + 2 + 1 + 1 + 2 + 1 =  9
    //   電話番号  1 + 1 + 2 + 1 + 1 + 2 + 1 =  9
    //   異動日    1 + 1 + 2         + 2     =  6
    //   郵便番号      1 + 2 + 1 + 1         =  5
    //   世帯主氏名 2 + 1                    =  3
    //   前住所    1 + 1     + 1             =  3
    //   学年, 前在籍校 (school ×2)           =  2 each
    //   方書, 勤務先, 加入年金, 金融機関, 口座番号, 口座名義, 保険の種類 = 1 each
    assertThat(burden.paper().byItem()).containsExactly(
        entry("氏名", 28),
        entry("フリガナ", 24),
        entry("生年月日", 24),
        entry("続柄", 18),
        entry("性別", 17),
        entry("個人番号", 10),
        entry("届出日", 9),
        entry("住所", 9),
        entry("電話番号", 9),
        entry("異動日", 6),
        entry("郵便番号", 5),
        entry("世帯主氏名", 3),
        entry("前住所", 3),
        entry("学年", 2),
        entry("前在籍校", 2),
        entry("方書", 1),
        entry("勤務先", 1),
        entry("加入年金", 1),
        entry("金融機関", 1),
        entry("口座番号", 1),
        entry("口座名義", 1),
        entry("保険の種類", 1));
  }

  @Test
  void leavesTheSeedFamilyNothingToWriteAndOneSignature() {
    assertThat(WritingBurden.of(FORMS, SEED_FAMILY_MOVE_IN).madoguchi())
        .isEqualTo(new WritingBurden.Madoguchi(0, 1));
  }

  @Test
  void countsAResidentWrittenFieldOncePerListedMember() {
    FormDefinition asIs = FormDefinition.parse("""
        {"id": "as-is-form", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "address", "properties": {"source": "resident", "paperItem": "住所"}},
          {"type": "dynamiclist", "path": "members", "properties": {"repeat": "members"}, "components": [
            {"type": "textfield", "key": "name", "properties": {"source": "resident", "paperItem": "氏名"}}]}]}
        """);

    WritingBurden burden = WritingBurden.of(FormCatalog.of(List.of(asIs)), List.of(Application.of("as-is-form", 3)));

    assertThat(burden.madoguchi()).isEqualTo(new WritingBurden.Madoguchi(4, 1));
    assertThat(burden.paper().byItem()).containsExactly(entry("氏名", 3), entry("住所", 1));
  }

  @Test
  void asksNoSignatureOfAVisitWithoutApplications() {
    WritingBurden burden = WritingBurden.of(FORMS, List.of());

    assertThat(burden.paper().total()).isZero();
    assertThat(burden.madoguchi()).isEqualTo(new WritingBurden.Madoguchi(0, 0));
  }

  @Test
  void refusesAnApplicationOfAnUnknownForm() {
    assertThatThrownBy(() -> WritingBurden.of(FORMS, List.of(Application.of("no-such-form", 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-form");
  }

  @Test
  void serializesToTheShapeOfTheBurdenCall() throws Exception {
    JsonNode json = new ObjectMapper().valueToTree(WritingBurden.of(FORMS, SEED_FAMILY_MOVE_IN));

    assertThat(json.at("/paper/total").intValue()).isEqualTo(176);
    assertThat(json.at("/paper/byItem/氏名").intValue()).isEqualTo(28);
    assertThat(json.at("/paper/byForm/seal-registration-application").intValue()).isEqualTo(6);
    assertThat(json.at("/madoguchi/written").intValue()).isZero();
    assertThat(json.at("/madoguchi/signatures").intValue()).isEqualTo(1);
  }
}
