package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilledApplicationTest {

  private final FormDefinition nhi = FormCatalog.fromClasspath().get("nhi-enrollment-application");

  @Test
  void formDataPutsEachListedMemberInARowOfTheFormsMemberList() {
    FilledApplication filled = SampleApplications.filled(nhi);

    Map<String, Object> data = filled.formData();

    assertThat(data).containsEntry("headName", "薩摩　太郎").containsEntry("address", SampleApplications.ADDRESS)
        .containsEntry("headBirthDate", "1985-04-02").doesNotContainKey("members.name");
    assertThat(data.get("members")).asList().hasSize(5).first()
        .isEqualTo(Map.of("name", "薩摩　太郎", "nameKana", "サツマ　タロウ", "birthDate", "1985-04-02",
            "sex", "MALE", "relationship", "世帯主", "myNumber", "123456789012"));
  }

  @Test
  void formDataGivesACheckboxABooleanAndTheListARowForEveryMemberEvenWithoutValues() {
    FilledApplication filled = new FilledApplication(nhi, Map.of("notifierSignature", "true",
        "previousInsuranceLossConfirmed", "false"), List.of(Map.of(), Map.of("members.name", "薩摩　花子")),
        null, null, "鹿児島市");

    Map<String, Object> data = filled.formData();

    assertThat(data).containsEntry("notifierSignature", true).containsEntry("previousInsuranceLossConfirmed", false);
    assertThat(data.get("members")).isEqualTo(List.of(Map.of(), Map.of("name", "薩摩　花子")));
  }
}
