package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every application Madoguchi ships promises, beyond what the validator checks of any form. */
class PackagedFormsTest {

  private static final FormCatalog FORMS = FormCatalog.fromClasspath();

  @Test
  void letsTasklistSubmitOnlyWhatDepartmentStaffFillIn() {
    // form-js never submits a disabled field: a department completing its task in Tasklist then writes back only
    // its own entries, and no personal data of the resident becomes a process variable.
    FORMS.forms().forEach(form -> assertThat(form.fields())
        .as(form.id())
        .allSatisfy(field -> assertThat(field.disabled()).as(field.key())
            .isEqualTo(field.source() != FieldSource.STAFF)));
  }

  @Test
  void carriesTheVisitsOneSignatureOnEveryApplication() {
    FORMS.forms().forEach(form -> assertThat(form.signatureFields()).as(form.id()).isEqualTo(1));
  }

  @Test
  void readsEveryMyNumberFromTheCardAtTheCounter() {
    FORMS.forms().stream().flatMap(form -> form.fields().stream())
        .filter(field -> "個人番号".equals(field.paperItem()))
        .forEach(field -> {
          assertThat(field.source()).isEqualTo(FieldSource.INTERVIEW);
          assertThat(field.interviewKey()).isEqualTo("myNumberReadFromCard");
          assertThat(field.properties().get("note")).contains("保存しない");
        });
  }

  @Test
  void titlesEveryFormAfterThePaperItReplaces() {
    assertThat(FORMS.get("move-in-notification").title()).isEqualTo("住民異動届（転入）");
    assertThat(FORMS.get("seal-registration-application").title()).isEqualTo("印鑑登録申請書");
    FORMS.forms().forEach(form -> assertThat(form.title()).as(form.id()).isNotEqualTo(form.id()));
  }
}
