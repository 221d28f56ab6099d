package org.madoguchi.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.card.SimulatedMyNumberCard;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.notice.MoveOutNoticeStore;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.CardReaderAtTheCounter;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.madoguchi.visit.VisitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The counter opens a visit by reading the resident's My Number card: the card's name and birth date find the
 * household's move-out notice; every way the card can fail is a clear error that opens nothing.
 */
@ApplicationOnH2
class OpenVisitFromCardIT {

  private static final String PIN = "2580";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  CardReaderAtTheCounter reader;
  @Autowired
  MoveOutNoticeStore notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  VisitRepository visits;

  @AfterEach
  void unplugReader() {
    reader.unplug();
  }

  @Test
  void theCardOfAMemberOpensTheVisitFromTheirHouseholdsNoticeAndTheReadIsAudited() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code(), "種子島", "タネガシマ");
    notices.add(notice);
    HouseholdMember spouse = notice.members().get(1);
    reader.put(cardOf(spouse).build());

    ResponseEntity<JsonNode> opened = counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN));

    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode visit = opened.getBody();
    assertThat(visit.path("moveOutNoticeId").asText()).isEqualTo(notice.id());
    assertThat(visit.path("household").path("members").findValuesAsText("id"))
        .containsExactlyElementsOf(notice.members().stream().map(HouseholdMember::id).toList());
    JsonNode audit = ApiClient.as(rest, "admin").get("/api/audit?visitId=" + visit.path("id").asText()).getBody();
    assertThat(audit.findValuesAsText("action")).contains("READ_MY_NUMBER_CARD", "READ_MOVE_OUT_NOTICE");
    assertThat(audit.toString()).doesNotContain(PIN);

    ResponseEntity<JsonNode> again = counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("message").asText()).contains("既に受付中");
  }

  @Test
  void aWrongPinSaysHowManyTriesAreLeftAndTheThirdLocksTheCardEvenForTheRightPin() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    SimulatedMyNumberCard card = cardOf(notice.members().get(0)).build();
    reader.put(card);

    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", "1111")),
        HttpStatus.UNPROCESSABLE_ENTITY, "wrong-pin", "あと2回");
    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", "1112")),
        HttpStatus.UNPROCESSABLE_ENTITY, "wrong-pin", "あと1回");
    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", "1113")),
        HttpStatus.LOCKED, "card-locked", "ロックされています");
    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN)),
        HttpStatus.LOCKED, "card-locked", "ロックされています");
    assertThat(card.triesLeft()).isZero();
    assertThat(openVisitsFor(notice)).isZero();
  }

  @Test
  void noReaderNoCardACardTakenOffAGarbledCardAndABadPinAreEachAClearErrorThatOpensNothing() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    HouseholdMember head = notice.members().get(0);
    Map<String, String> request = Map.of("lifeEvent", "MOVE_IN", "pin", PIN);

    reader.unplug();
    assertError(counter().post("/api/visits/from-card", request), HttpStatus.SERVICE_UNAVAILABLE, "no-card-reader",
        "カードリーダーが見つかりません");
    reader.takeCardOff();
    assertError(counter().post("/api/visits/from-card", request), HttpStatus.CONFLICT, "card-not-read",
        "カードが置かれていません");
    reader.put(cardOf(head).removedDuringRead().build());
    assertError(counter().post("/api/visits/from-card", request), HttpStatus.CONFLICT, "card-not-read",
        "取り外されました");
    reader.put(cardOf(head).attributesFile(new byte[] {(byte) 0xFF, 0x20, 0x7F}).build());
    assertError(counter().post("/api/visits/from-card", request), HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-card",
        "カードを読み取れません");
    reader.put(cardOf(head).build());
    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", "25a0")),
        HttpStatus.BAD_REQUEST, "invalid-pin", "数字4桁");
    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN")),
        HttpStatus.BAD_REQUEST, "invalid-pin", "数字4桁");
    assertThat(openVisitsFor(notice)).isZero();
  }

  @Test
  void aCardHolderWithoutANoticeIsToldToPickTheNoticeFromTheList() {
    reader.put(SimulatedMyNumberCard.builder().name("番号　花子").birthDate("19850402").build());

    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN)),
        HttpStatus.NOT_FOUND, "no-notice-for-card", "転出証明書情報が届いていません");
  }

  @Test
  void aPersonOnTwoPendingNoticesIsAskedToPickOneFromTheList() {
    MoveOutNotice first = DemoHouseholds.familyOfFive(municipality.code(), "屋久", "ヤク");
    MoveOutNotice second = DemoHouseholds.familyOfFive(municipality.code(), "屋久", "ヤク");
    notices.add(first);
    notices.add(second);
    reader.put(cardOf(first.members().get(0)).build());

    assertError(counter().post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN)),
        HttpStatus.CONFLICT, "several-notices-for-card", "2件");
    assertThat(openVisitsFor(first) + openVisitsFor(second)).isZero();
  }

  @Test
  void onlyTheCounterReadsCards() {
    assertThat(ApiClient.as(rest, "hoken").post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", PIN))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ApiClient counter() {
    return ApiClient.as(rest, "counter");
  }

  private static SimulatedMyNumberCard.Builder cardOf(HouseholdMember member) {
    return SimulatedMyNumberCard.builder().pin(PIN)
        .name(member.name().familyName() + "\u3000" + member.name().givenName())
        .address("福岡県福岡市中央区天神二丁目3番4号")
        .birthDate(member.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
  }

  private long openVisitsFor(MoveOutNotice notice) {
    return visits.findOpenVisitForNotice(notice.id()).stream().count();
  }

  private static void assertError(ResponseEntity<JsonNode> response, HttpStatus status, String error, String message) {
    assertThat(response.getStatusCode()).as(response.getBody().toString()).isEqualTo(status);
    assertThat(response.getBody().path("error").asText()).isEqualTo(error);
    assertThat(response.getBody().path("message").asText()).contains(message);
  }
}
