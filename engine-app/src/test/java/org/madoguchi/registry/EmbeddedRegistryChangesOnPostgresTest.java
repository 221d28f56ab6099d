package org.madoguchi.registry;

import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfPostgresAvailable
class EmbeddedRegistryChangesOnPostgresTest extends EmbeddedRegistryChanges {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresDatabase.fresh("madoguchi_test_registry_changes"));
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
  }
}
