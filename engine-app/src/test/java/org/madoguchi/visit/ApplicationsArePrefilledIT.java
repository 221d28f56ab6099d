package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.notice.MoveOutNoticeSummary;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.forms.FieldSource;
import org.madoguchi.forms.FilledApplication;
import org.madoguchi.forms.FormField;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * No writing: for every kind of household the demo moves in, each application's prefilled fields equal what
 * the notice holds, and no field is left for the resident to write. The seeds' family's burden comes from the API.
 */
@ApplicationOnH2
class ApplicationsArePrefilledIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  VisitApplications applications;
  @Autowired
  VisitRepository visits;

  @Test
  void everyDemoHouseholdKindGetsApplicationsPrefilledFromTheNoticeWithNothingToWrite() {
    ApiClient counter = ApiClient.as(rest, "counter");
    List<String> checked = new ArrayList<>();
    for (MoveOutNoticeSummary summary : notices.listPending(municipality.code())) {
      if (!summary.id().startsWith("N")) {
        continue; // households other tests added
      }
      MoveOutNotice notice = notices.find(summary.id()).orElseThrow();
      JsonNode opened = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
          .getBody();
      Visit visit = visits.find(opened.path("id").asText()).orElseThrow();

      List<FilledApplication> filled = applications.fill(visit, null);

      assertThat(filled).extracting(a -> a.form().id()).contains("move-in-notification");
      for (FilledApplication application : filled) {
        assertPrefilledFromNotice(application, notice);
        assertThat(application.form().fields()).noneMatch(f -> f.source() == FieldSource.RESIDENT);
      }
      assertThat(counter.get("/api/visits/" + visit.id() + "/burden").getBody().path("madoguchi").path("written")
          .asInt()).isZero();
      checked.add(notice.id());
    }
    assertThat(checked).as("one notice of each demo household kind").hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void familyOfFiveWritesNothingAndSignsOnceWhereThePaperFormsAskFor176Entries() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    counter.put("/api/visits/" + visitId + "/interview",
        Map.of("members", Map.of(notice.members().get(0).id(), Map.of("wantsSealRegistration", true))));

    JsonNode burden = counter.get("/api/visits/" + visitId + "/burden").getBody();

    assertThat(burden.path("madoguchi").path("written").asInt()).isZero();
    assertThat(burden.path("madoguchi").path("signatures").asInt()).isEqualTo(1);
    assertThat(burden.path("paper").path("total").asInt()).isEqualTo(176);
    assertThat(burden.path("paper").path("byForm").path("move-in-notification").asInt()).isEqualTo(34);
    assertThat(burden.path("paper").path("byForm").path("child-allowance-application").asInt()).isEqualTo(28);
    assertThat(burden.path("paper").path("byItem").path("氏名").asInt()).isEqualTo(28);
  }

  @Test
  void whatOnlyTheResidentKnowsIsAskedInTheInterviewAndFillsEveryApplicationThatHasIt() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    String head = notice.members().get(0).id();
    String eldestChild = notice.members().get(2).id();
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    JsonNode asked = counter.get("/api/visits/" + visitId).getBody().path("interview").path("questions");
    assertThat(asked.findValuesAsText("key")).contains("phoneNumber", "payeeAccount", "employerName", "previousSchool");

    counter.put("/api/visits/" + visitId + "/interview", Map.of(
        "household", Map.of("phoneNumber", "099-224-1111", "payeeAccount", "鹿児島銀行 中央支店 普通 1234567"),
        "members", Map.of(head, Map.of("employerName", "桜島運輸株式会社"),
            eldestChild, Map.of("previousSchool", "福岡市立天神小学校"))));
    Visit visit = visits.find(visitId).orElseThrow();
    Map<String, String> answered = Map.of("phoneNumber", "099-224-1111",
        "payeeAccount", "鹿児島銀行 中央支店 普通 1234567", "employerName", "桜島運輸株式会社",
        "previousSchool", "福岡市立天神小学校");

    // A member-scoped application (school enrollment) is one per child: the answer is on the child's own.
    Map<String, List<String>> valuesByFormAndQuestion = new java.util.TreeMap<>();
    for (FilledApplication application : applications.fill(visit, null)) {
      List<Map<String, String>> rows = new ArrayList<>(application.members());
      rows.add(application.values());
      for (FormField field : application.form().fields()) {
        if (field.source() == FieldSource.INTERVIEW && answered.containsKey(field.interviewKey())) {
          rows.stream().map(row -> row.get(field.key())).filter(java.util.Objects::nonNull).forEach(value ->
              valuesByFormAndQuestion.computeIfAbsent(application.form().id() + ":" + field.interviewKey(),
                  k -> new ArrayList<>()).add(value));
        }
      }
    }
    assertThat(valuesByFormAndQuestion).containsKeys("nhi-enrollment-application:phoneNumber",
        "child-allowance-application:payeeAccount", "child-allowance-application:employerName",
        "school-enrollment-application:previousSchool");
    valuesByFormAndQuestion.forEach((formAndQuestion, values) -> assertThat(values).as(formAndQuestion)
        .containsOnly(answered.get(formAndQuestion.substring(formAndQuestion.indexOf(':') + 1))));
    assertThat(counter.get("/api/visits/" + visitId + "/burden").getBody().path("madoguchi").path("written")
        .asInt()).isZero();
  }

  /**
   * Each prefilled name, kana and birth date on the application is a member's value from the notice, held as the
   * form's data holds it (an ISO date, a choice by its option's value).
   */
  private static void assertPrefilledFromNotice(FilledApplication application, MoveOutNotice notice) {
    List<Map<String, String>> rows = new ArrayList<>(application.members());
    rows.add(application.values());
    for (FormField field : application.form().fields()) {
      if (field.source() != FieldSource.PREFILL) {
        continue;
      }
      for (Map<String, String> row : rows) {
        String value = row.get(field.key());
        if (value == null) {
          continue;
        }
        switch (field.prefillPath()) {
          case "member.name.fullName" -> assertThat(notice.members()).extracting(m -> m.name().fullName())
              .as(field.key()).contains(value);
          case "member.name.fullNameKana" -> assertThat(notice.members()).extracting(m -> m.name().fullNameKana())
              .as(field.key()).contains(value);
          case "member.birthDate" -> assertThat(notice.members())
              .extracting((HouseholdMember m) -> m.birthDate().toString()).contains(value);
          case "member.sex" -> assertThat(field.options()).as(field.key()).containsKey(value);
          case "household.address" -> assertThat(value).isEqualTo(notice.plannedAddress());
          case "household.previousAddress" -> assertThat(value).isEqualTo(notice.fromAddress());
          default -> assertThat(value).isNotBlank();
        }
      }
    }
  }
}
