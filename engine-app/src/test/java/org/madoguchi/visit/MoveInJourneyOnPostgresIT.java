package org.madoguchi.visit;

import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfPostgresAvailable
@ActiveProfiles("postgres")
// Its own engine name: the shared H2 application's engine stays the one the engine REST API answers for.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=postgresJourney")
class MoveInJourneyOnPostgresIT extends MoveInJourney {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresDatabase.fresh("madoguchi_it_journey"));
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
  }
}
