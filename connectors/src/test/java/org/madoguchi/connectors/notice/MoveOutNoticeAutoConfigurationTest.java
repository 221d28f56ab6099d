package org.madoguchi.connectors.notice;

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
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MoveOutNoticeAutoConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
          DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
          EmbeddedConnectorsAutoConfiguration.class, HttpMoveOutNoticeAutoConfiguration.class,
          MoveOutNoticeImportAutoConfiguration.class))
      .withBean(ObjectMapper.class, ObjectMapper::new)
      .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void modeHttpReplacesTheEmbeddedNoticesWithTheHttpOneAndBindsItsSettings() {
    context.withPropertyValues("madoguchi.connectors.notice.mode=http",
            "madoguchi.connectors.notice.base-url=http://notices.test/api/v1",
            "madoguchi.connectors.notice.read-timeout=750ms",
            "madoguchi.connectors.notice.max-attempts=4")
        .run(app -> {
          assertThat(app).hasSingleBean(MoveOutNoticeConnector.class);
          assertThat(app.getBean(MoveOutNoticeConnector.class)).isInstanceOf(HttpMoveOutNoticeConnector.class);
          HttpMoveOutNoticeProperties settings = app.getBean(HttpMoveOutNoticeProperties.class);
          assertThat(settings.baseUrl()).isEqualTo(URI.create("http://notices.test/api/v1"));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(750));
          assertThat(settings.maxAttempts()).isEqualTo(4);
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(app).doesNotHaveBean(CsvMoveOutNoticeImporter.class);
        });
  }

  @Test
  void withoutTheModeTheEmbeddedNoticesServeAndTheCsvImportFillsThem() {
    context.run(app -> {
      assertThat(app).hasSingleBean(MoveOutNoticeConnector.class);
      assertThat(app.getBean(MoveOutNoticeConnector.class)).isInstanceOf(EmbeddedMoveOutNoticeConnector.class);
      assertThat(app).hasSingleBean(CsvMoveOutNoticeImporter.class);
      assertThat(app).doesNotHaveBean(HttpMoveOutNoticeProperties.class);
    });
  }

  @Test
  void modeHttpWithoutABaseUrlStopsTheStartWithAClearMessage() {
    context.withPropertyValues("madoguchi.connectors.notice.mode=http")
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("madoguchi.connectors.notice.base-url must be set when "
                + "madoguchi.connectors.notice.mode=http"));
  }

  @Test
  void aTimeoutThatIsNotPositiveStopsTheStart() {
    context.withPropertyValues("madoguchi.connectors.notice.mode=http",
            "madoguchi.connectors.notice.base-url=http://notices.test", "madoguchi.connectors.notice.read-timeout=0s")
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
            .hasMessageContaining("madoguchi.connectors.notice.read-timeout must be positive"));
  }

  @Test
  void anApplicationsOwnNoticesWinOverBoth() {
    context.withPropertyValues("madoguchi.connectors.notice.mode=http",
            "madoguchi.connectors.notice.base-url=http://notices.test")
        .withUserConfiguration(OwnNotices.class)
        .run(app -> {
          assertThat(app).hasSingleBean(MoveOutNoticeConnector.class);
          assertThat(app.getBean(MoveOutNoticeConnector.class)).isSameAs(OwnNotices.NOTICES);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnNotices {

    static final MoveOutNoticeConnector NOTICES = new MoveOutNoticeConnector() {
      @Override
      public List<MoveOutNoticeSummary> listPending(String municipalityCode) {
        return List.of();
      }

      @Override
      public Optional<MoveOutNotice> find(String noticeId) {
        return Optional.empty();
      }

      @Override
      public void markUsed(String noticeId, String visitId) {
      }
    };

    @Bean
    MoveOutNoticeConnector ownNotices() {
      return NOTICES;
    }
  }
}
