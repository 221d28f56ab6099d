package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two counters opening the same household's notice at the same instant: one visit, and the other is told. */
@ApplicationOnH2
class OpeningTheSameNoticeTwiceIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  @Test
  void twoCountersAtTheSameInstantOpenOneVisitAndTheOtherGetsAConflict() throws Exception {
    for (int round = 0; round < 5; round++) {
      MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
      notices.add(notice);
      CyclicBarrier together = new CyclicBarrier(2);
      List<CompletableFuture<ResponseEntity<JsonNode>>> opens = new ArrayList<>();
      for (int counter = 0; counter < 2; counter++) {
        opens.add(CompletableFuture.supplyAsync(() -> {
          await(together);
          return ApiClient.as(rest, "counter").post("/api/visits",
              Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));
        }));
      }

      List<Integer> statuses = opens.stream().map(CompletableFuture::join).map(r -> r.getStatusCode().value()).toList();

      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
      assertThat(opens.stream().map(CompletableFuture::join).filter(r -> r.getStatusCode().value() == 409)
          .map(r -> r.getBody().path("error").asText())).containsExactly("visit-already-open");
      assertThat(jdbc.sql("select count(*) from visit where move_out_notice_id = ?").param(notice.id())
          .query(Integer.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ in "
              + "(select id from visit where move_out_notice_id = ?) and PARENT_ID_ is null").param(notice.id())
          .query(Integer.class).single()).isEqualTo(1);
    }
  }

  @Test
  void aNoticeWhoseMoveInIsRegisteredOpensNoSecondVisit() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    MoveInDriver.submitted(rest, notice.id());
    assertThat(notices.isPending(municipality.code(), notice.id())).as("used by the registered move-in").isFalse();

    ResponseEntity<JsonNode> again = ApiClient.as(rest, "counter").post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().path("error").asText()).isEqualTo("move-out-notice-used");
    assertThat(jdbc.sql("select count(*) from visit where move_out_notice_id = ?").param(notice.id())
        .query(Integer.class).single()).isEqualTo(1);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
