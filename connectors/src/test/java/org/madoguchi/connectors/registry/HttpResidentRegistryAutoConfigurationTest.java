package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class HttpResidentRegistryAutoConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
          EmbeddedConnectorsAutoConfiguration.class, HttpResidentRegistryAutoConfiguration.class))
      .withBean(ObjectMapper.class, ObjectMapper::new) // engine-app provides it; spring-web is not here
      .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1",
          "spring.datasource.generate-unique-name=true");

  @Test
  void modeHttpReplacesTheEmbeddedRegistryWithTheHttpOneAndBindsItsSettings() {
    context.withPropertyValues("madoguchi.connectors.registry.mode=http",
            "madoguchi.connectors.registry.base-url=http://registry.test/api/v1",
            "madoguchi.connectors.registry.read-timeout=750ms",
            "madoguchi.connectors.registry.max-attempts=5")
        .run(app -> {
          assertThat(app).hasSingleBean(ResidentRegistryConnector.class);
          assertThat(app.getBean(ResidentRegistryConnector.class)).isInstanceOf(HttpResidentRegistryConnector.class);
          HttpResidentRegistryProperties settings = app.getBean(HttpResidentRegistryProperties.class);
          assertThat(settings.baseUrl()).isEqualTo(URI.create("http://registry.test/api/v1"));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(750));
          assertThat(settings.maxAttempts()).isEqualTo(5);
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        });
  }

  @Test
  void withoutTheModeTheEmbeddedRegistryServes() {
    context.run(app -> {
      assertThat(app).hasSingleBean(ResidentRegistryConnector.class);
      assertThat(app.getBean(ResidentRegistryConnector.class)).isInstanceOf(EmbeddedResidentRegistryConnector.class);
      assertThat(app).doesNotHaveBean(HttpResidentRegistryProperties.class);
    });
  }

  @Test
  void modeHttpWithoutABaseUrlStopsTheStartWithAClearMessage() {
    context.withPropertyValues("madoguchi.connectors.registry.mode=http")
        .run(app -> assertThat(app).hasFailed().getFailure()
            .rootCause().hasMessageContaining("madoguchi.connectors.registry.base-url must be set"));
  }

  @Test
  void anApplicationsOwnRegistryWinsOverBoth() {
    context.withPropertyValues("madoguchi.connectors.registry.mode=http",
            "madoguchi.connectors.registry.base-url=http://registry.test")
        .withUserConfiguration(OwnRegistry.class)
        .run(app -> {
          assertThat(app).hasSingleBean(ResidentRegistryConnector.class);
          assertThat(app.getBean(ResidentRegistryConnector.class)).isSameAs(OwnRegistry.REGISTRY);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRegistry {

    static final ResidentRegistryConnector REGISTRY = new ResidentRegistryConnector() {
      @Override
      public MoveInRegistration registerMoveIn(MoveInRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ChangeRegistration registerMoveOut(MoveOutRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ChangeRegistration registerMoveWithin(MoveWithinRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Resident> findResident(String atenaNumber) {
        return Optional.empty();
      }

      @Override
      public List<Resident> findHousehold(String householdNumber) {
        return List.of();
      }

      @Override
      public List<ResidentChange> history(String atenaNumber) {
        return List.of();
      }
    };

    @Bean
    ResidentRegistryConnector ownRegistry() {
      return REGISTRY;
    }
  }
}
