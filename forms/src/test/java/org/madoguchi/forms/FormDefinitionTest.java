package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class FormDefinitionTest {

  private final FormDefinition nhi = FormCatalog.fromClasspath().get("nhi-enrollment-application");

  @Test
  void readsTheIdTitleAndSchemaVersion() {
    assertThat(nhi.id()).isEqualTo("nhi-enrollment-application");
    assertThat(nhi.title()).isEqualTo("国民健康保険被保険者資格取得届");
    assertThat(nhi.schemaVersion()).isEqualTo(16);
  }

  @Test
  void readsWhereEachFieldComesFrom() {
    assertThat(field(nhi, "headName")).satisfies(f -> {
      assertThat(f.source()).isEqualTo(FieldSource.PREFILL);
      assertThat(f.prefillPath()).isEqualTo("household.head.name.fullName");
      assertThat(f.paperItem()).isEqualTo("世帯主氏名");
      assertThat(f.repeated()).isFalse();
    });
    assertThat(field(nhi, "phoneNumber")).satisfies(f -> {
      assertThat(f.source()).isEqualTo(FieldSource.INTERVIEW);
      assertThat(f.interviewKey()).isEqualTo("phoneNumber");
    });
    assertThat(field(nhi, "insuranceSymbolNumber")).satisfies(f -> {
      assertThat(f.source()).isEqualTo(FieldSource.STAFF);
      assertThat(f.writtenOnPaper()).isFalse();
    });
  }

  @Test
  void prefixesTheFieldsOfAMemberListWithItsPathAndRepeatsThem() {
    assertThat(field(nhi, "members.name")).satisfies(f -> {
      assertThat(f.repeated()).isTrue();
      assertThat(f.entries(5)).isEqualTo(5);
    });
    assertThat(nhi.repeatDeclarations()).containsEntry("List_members", "members");
  }

  @Test
  void labelsADateFieldWithItsDateLabel() {
    assertThat(field(nhi, "notifiedOn").label()).isEqualTo("届出日");
  }

  @Test
  void countsPaperEntriesByItemForTheMembersListed() {
    assertThat(nhi.paperEntriesByItem(2))
        .containsEntry("氏名", 3)            // two members and the notifier's signature
        .containsEntry("世帯主氏名", 1)
        .containsEntry("個人番号", 3);       // the head and both members
  }

  @Test
  void tellsWhichGroupOrListAFieldSitsIn() {
    assertThat(field(nhi, "headName").section()).isEqualTo("世帯主");
    assertThat(field(nhi, "members.name").section()).isEqualTo("国民健康保険に加入する人");
    assertThat(field(nhi, "notifiedOn").section()).isNull();
  }

  @Test
  void readsTheLabelOfEachOptionOfAChoice() {
    assertThat(field(nhi, "members.sex").options()).containsExactly(entry("MALE", "男"), entry("FEMALE", "女"));
    assertThat(field(nhi, "headName").options()).isEmpty();
  }

  @Test
  void takesTheFormIdAsTitleWhenTheFormHasNoHeading() {
    assertThat(FormDefinition.parse(FormCatalogTest.minimalForm("untitled")).title()).isEqualTo("untitled");
  }

  @Test
  void refusesJsonThatIsNotAForm() {
    assertThatThrownBy(() -> FormDefinition.parse("{ broken")).isInstanceOf(FormDefinitionException.class);
    assertThatThrownBy(() -> FormDefinition.parse("[]")).isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("not an object");
    assertThatThrownBy(() -> FormDefinition.parse("{\"components\": []}"))
        .isInstanceOf(FormDefinitionException.class).hasMessageContaining("no id");
    assertThatThrownBy(() -> FormDefinition.parse("{\"id\": \"x\"}"))
        .isInstanceOf(FormDefinitionException.class).hasMessageContaining("no components");
  }

  static FormField field(FormDefinition form, String key) {
    return form.fields().stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError(form.id() + " has no field " + key));
  }
}
