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
import org.madoguchi.connectors.registry.JapaneseCalendar;
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

  /** Each prefilled name, kana and birth date on the application is a member's value from the notice. */
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
              .extracting((HouseholdMember m) -> JapaneseCalendar.format(m.birthDate())).contains(value);
          case "household.address" -> assertThat(value).isEqualTo(notice.plannedAddress());
          case "household.previousAddress" -> assertThat(value).isEqualTo(notice.fromAddress());
          default -> assertThat(value).isNotBlank();
        }
      }
    }
  }
}
