package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

  private final FormValidator validator = new FormValidator();

  @Test
  void findsNoProblemInAnyPackagedForm() {
    assertThat(validator.validate(FormCatalog.fromClasspath())).isEmpty();
  }

  @Test
  void acceptsAFormWithEverySource() {
    assertThat(problems("""
        {"type": "textfield", "key": "name", "disabled": true,
         "properties": {"source": "prefill", "prefill": "member.name.fullName", "paperItem": "氏名"}},
        {"type": "textfield", "key": "phone", "disabled": true,
         "properties": {"source": "interview", "interview": "phoneNumber", "paperItem": "電話番号"}},
        {"type": "textfield", "key": "reason", "properties": {"source": "resident", "paperItem": "理由"}},
        {"type": "checkbox", "key": "signed", "disabled": true, "properties": {"source": "signature"}},
        {"type": "textfield", "key": "checkedBy", "properties": {"source": "staff"}}
        """)).isEmpty();
  }

  @Test
  void reportsAKeyUsedTwice() {
    assertThat(problems("""
        {"type": "textfield", "key": "name", "properties": {"source": "staff"}},
        {"type": "group", "components": [{"type": "textfield", "key": "name", "properties": {"source": "staff"}}]}
        """)).singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("name");
          assertThat(p.message()).contains("twice");
        });
  }

  @Test
  void allowsTheSameKeyInsideAndOutsideAMemberList() {
    // The list's path scopes its keys: members.name is not name.
    assertThat(problems("""
        {"type": "textfield", "key": "name", "properties": {"source": "staff"}},
        {"type": "dynamiclist", "path": "members", "properties": {"repeat": "members"},
         "components": [{"type": "textfield", "key": "name", "properties": {"source": "staff"}}]}
        """)).isEmpty();
  }

  @Test
  void reportsAnInputWithoutAValidSource() {
    assertThat(problems("""
        {"type": "textfield", "key": "missing"},
        {"type": "textfield", "key": "unknown", "properties": {"source": "registry"}}
        """)).extracting(FormProblem::field).containsExactly("missing", "unknown");
  }

  @Test
  void reportsAPrefillPathOutsideTheDocumentedSet() {
    assertThat(problems("""
        {"type": "textfield", "key": "income", "properties": {"source": "prefill", "prefill": "tax.income"}},
        {"type": "textfield", "key": "nothing", "properties": {"source": "prefill"}}
        """)).extracting(FormProblem::field).containsExactly("income", "nothing");
  }

  @Test
  void reportsAnInterviewFieldThatNamesNoQuestion() {
    assertThat(problems("""
        {"type": "textfield", "key": "phone", "properties": {"source": "interview"}}
        """)).singleElement().extracting(FormProblem::message).asString().contains("properties.interview");
  }

  @Test
  void reportsAStaffFieldThatAResidentWouldWriteOnPaper() {
    assertThat(problems("""
        {"type": "textfield", "key": "checkedBy", "properties": {"source": "staff", "paperItem": "氏名"}}
        """)).singleElement().extracting(FormProblem::message).asString().contains("office use");
  }

  @Test
  void reportsAMyNumberPrefilledFromData() {
    assertThat(problems("""
        {"type": "textfield", "key": "myNumber", "disabled": true,
         "properties": {"source": "prefill", "prefill": "member.atenaNumber"}}
        """)).singleElement().extracting(FormProblem::message).asString().contains("never held in data");
  }

  @Test
  void recognisesAMyNumberByItsLabelOrPaperItemToo() {
    assertThat(problems("""
        {"type": "textfield", "key": "number1", "label": "個人番号", "disabled": true,
         "properties": {"source": "prefill", "prefill": "member.atenaNumber"}},
        {"type": "textfield", "key": "number2", "disabled": true,
         "properties": {"source": "prefill", "prefill": "member.atenaNumber", "paperItem": "個人番号"}}
        """)).extracting(FormProblem::field).containsExactly("number1", "number2");
  }

  @Test
  void reportsAMyNumberFieldThatTasklistWouldSubmit() {
    assertThat(problems("""
        {"type": "textfield", "key": "myNumber",
         "properties": {"source": "interview", "interview": "myNumberReadFromCard"}}
        """)).singleElement().extracting(FormProblem::message).asString().contains("disabled");
  }

  @Test
  void doesNotTakeACardQuestionForAMyNumber() {
    assertThat(problems("""
        {"type": "checkbox", "key": "holdsMyNumberCard", "label": "マイナンバーカードを持っている",
         "properties": {"source": "staff"}}
        """)).isEmpty();
  }

  @Test
  void reportsAMemberListThatDoesNotSayWhatItRepeats() {
    assertThat(problems("""
        {"id": "List_people", "type": "dynamiclist", "path": "people",
         "components": [{"type": "textfield", "key": "name", "properties": {"source": "staff"}}]},
        {"id": "Group_family", "type": "group", "properties": {"repeat": "family"},
         "components": [{"type": "textfield", "key": "age", "properties": {"source": "staff"}}]}
        """)).extracting(FormProblem::field).containsExactly("List_people", "Group_family");
  }

  @Test
  void reportsASchemaVersionNewerThanTasklistRenders() {
    FormDefinition form = FormDefinition.parse("""
        {"id": "too-new", "type": "default", "schemaVersion": 17, "components": []}
        """);

    assertThat(validator.validate(form)).singleElement().extracting(FormProblem::message).asString()
        .contains("at most 16");
  }

  @Test
  void reportsAKeyFormJsWouldRefuseAndAnIdThatIsNotKebabCase() {
    FormDefinition form = FormDefinition.parse("""
        {"id": "Bad_Id", "type": "default", "schemaVersion": 16,
         "components": [{"type": "textfield", "key": "氏名", "properties": {"source": "staff"}}]}
        """);

    assertThat(validator.validate(form)).extracting(FormProblem::field).containsExactly(null, "氏名");
  }

  private List<FormProblem> problems(String components) {
    return validator.validate(FormDefinition.parse("""
        {"id": "test-form", "type": "default", "schemaVersion": 16, "components": [%s]}
        """.formatted(components)));
  }
}
