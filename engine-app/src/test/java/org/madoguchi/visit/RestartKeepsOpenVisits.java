package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiApplication;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping and starting the application keeps open visits and their tasks: the counter carries on where
 * it was. Each database variant says how to start the application on a database that outlives it.
 */
abstract class RestartKeepsOpenVisits {

  /** Starts the application on the variant's persistent database. */
  abstract ConfigurableApplicationContext start();

  /** Runs the application with {@code properties} as command-line arguments, which outrank profile files. */
  static ConfigurableApplicationContext run(String... properties) {
    String[] args = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("server.port=0", "camunda.bpm.process-engine-name=restart"),
            java.util.Arrays.stream(properties))
        .map(property -> "--" + property).toArray(String[]::new);
    return new SpringApplicationBuilder(MadoguchiApplication.class).run(args);
  }

  @Test
  void openVisitsAndTheirTasksSurviveARestart() {
    String visitId;
    String noticeId;
    try (ConfigurableApplicationContext first = start()) {
      MoveOutNotice notice = DemoHouseholds.familyOfFive(first.getBean(MunicipalityProperties.class).code());
      first.getBean(EmbeddedMoveOutNoticeConnector.class).add(notice);
      noticeId = notice.id();
      ApiClient counter = ApiClient.as(rest(first), "counter");
      visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId))
          .getBody().path("id").asText();
      assertThat(counter.put("/api/visits/" + visitId + "/interview", Map.of()).getBody().path("status").asText())
          .isEqualTo("CONFIRMATION");
    }

    try (ConfigurableApplicationContext second = start()) {
      ApiClient counter = ApiClient.as(rest(second), "counter");
      JsonNode visit = counter.get("/api/visits/" + visitId).getBody();
      assertThat(visit.path("status").asText()).isEqualTo("CONFIRMATION");
      assertThat(visit.path("moveOutNoticeId").asText()).isEqualTo(noticeId);
      assertThat(visit.path("household").path("members")).hasSize(5);

      counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
      JsonNode started = await().atMost(Duration.ofSeconds(60))
          .until(() -> counter.get("/api/visits/" + visitId).getBody(),
              v -> "ACCEPTING".equals(v.path("status").asText()));
      assertThat(started.path("procedures").size()).isPositive();
    }
  }

  private static TestRestTemplate rest(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getProperty("local.server.port");
    return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
  }
}
