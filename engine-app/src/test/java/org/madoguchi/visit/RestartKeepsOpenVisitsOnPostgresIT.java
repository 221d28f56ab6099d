package org.madoguchi.visit;

import org.junit.jupiter.api.BeforeAll;
import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

@EnabledIfPostgresAvailable
class RestartKeepsOpenVisitsOnPostgresIT extends RestartKeepsOpenVisits {

  private static String url;

  @BeforeAll
  static void database() {
    url = PostgresDatabase.fresh("madoguchi_it_restart");
  }

  @Override
  ConfigurableApplicationContext start() {
    return run("spring.profiles.active=postgres", "spring.datasource.url=" + url,
        "spring.datasource.username=" + PostgresDatabase.USER,
        "spring.datasource.password=" + PostgresDatabase.PASSWORD);
  }
}
