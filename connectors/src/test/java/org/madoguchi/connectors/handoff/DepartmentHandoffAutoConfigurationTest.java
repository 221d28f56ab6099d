package org.madoguchi.connectors.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DepartmentHandoffAutoConfigurationTest {

  @TempDir
  Path outbox;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
          EmbeddedConnectorsAutoConfiguration.class, HttpDepartmentHandoffAutoConfiguration.class,
          FileDepartmentHandoffAutoConfiguration.class))
      .withBean(ObjectMapper.class, ObjectMapper::new)
      .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void withoutTheModeTheEmbeddedHandoffServes() {
    context.run(app -> {
      assertThat(app).hasSingleBean(DepartmentHandoffConnector.class);
      assertThat(app.getBean(DepartmentHandoffConnector.class)).isInstanceOf(EmbeddedDepartmentHandoffConnector.class);
      assertThat(app).doesNotHaveBean(DepartmentHandoffProperties.class);
    });
  }

  @Test
  void modeEmbeddedIsTheEmbeddedHandoff() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=embedded").run(app ->
        assertThat(app.getBean(DepartmentHandoffConnector.class)).isInstanceOf(EmbeddedDepartmentHandoffConnector.class));
  }

  @Test
  void modeFileWritesIntoTheOutbox() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=file",
            "madoguchi.connectors.handoff.outbox=" + outbox,
            "madoguchi.connectors.handoff.create-department-folders=true")
        .run(app -> {
          assertThat(app).hasSingleBean(DepartmentHandoffConnector.class);
          DepartmentHandoffConnector connector = app.getBean(DepartmentHandoffConnector.class);
          assertThat(connector).isInstanceOf(FileDepartmentHandoffConnector.class);
          connector.handOver(new Handoff("k1", "sealRegistration", "citizens", "V-1", "462012", java.util.List.of()));
          assertThat(outbox.resolve("citizens").resolve("k1.csv")).exists();
        });
  }

  @Test
  void modeFileWithoutAnOutboxStopsTheStartWithAClearMessage() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=file")
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("madoguchi.connectors.handoff.outbox must be set when "
                + "madoguchi.connectors.handoff.mode=file"));
  }

  @Test
  void modeHttpPostsToTheApiAndBindsItsSettings() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=http",
            "madoguchi.connectors.handoff.base-url=http://handoff.test/api/v1",
            "madoguchi.connectors.handoff.max-attempts=5",
            "madoguchi.connectors.handoff.initial-backoff=50ms")
        .run(app -> {
          assertThat(app).hasSingleBean(DepartmentHandoffConnector.class);
          assertThat(app.getBean(DepartmentHandoffConnector.class)).isInstanceOf(HttpDepartmentHandoffConnector.class);
          DepartmentHandoffProperties settings = app.getBean(DepartmentHandoffProperties.class);
          assertThat(settings.mode()).isEqualTo(DepartmentHandoffProperties.Mode.HTTP);
          assertThat(settings.baseUrl()).isEqualTo(URI.create("http://handoff.test/api/v1"));
          assertThat(settings.maxAttempts()).isEqualTo(5);
          assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(50));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
  }

  @Test
  void modeHttpWithoutABaseUrlStopsTheStartWithAClearMessage() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=http")
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("madoguchi.connectors.handoff.base-url must be set when "
                + "madoguchi.connectors.handoff.mode=http"));
  }

  @Test
  void anApplicationsOwnHandoffWinsOverEveryMode() {
    context.withPropertyValues("madoguchi.connectors.handoff.mode=http",
            "madoguchi.connectors.handoff.base-url=http://handoff.test")
        .withUserConfiguration(OwnHandoff.class)
        .run(app -> {
          assertThat(app).hasSingleBean(DepartmentHandoffConnector.class);
          assertThat(app.getBean(DepartmentHandoffConnector.class)).isSameAs(OwnHandoff.HANDOFF);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnHandoff {

    static final DepartmentHandoffConnector HANDOFF = handoff -> {
      throw new UnsupportedOperationException();
    };

    @Bean
    DepartmentHandoffConnector ownHandoff() {
      return HANDOFF;
    }
  }
}
