package org.madoguchi.visit;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "madoguchi.data-dir=target/it-data/journey-h2",
    "spring.datasource.url=jdbc:h2:mem:journey;DB_CLOSE_DELAY=-1"})
class MoveInJourneyOnH2IT extends MoveInJourney {
}
