package org.madoguchi.connectors.notice;

import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link HttpMoveOutNoticeConnector} when {@code madoguchi.connectors.notice.mode=http}. It runs
 * before the embedded connectors, whose notices then step aside; an application bean of its own still wins
 * over both.
 */
@AutoConfiguration(before = EmbeddedConnectorsAutoConfiguration.class)
@ConditionalOnProperty(prefix = HttpMoveOutNoticeProperties.PREFIX, name = "mode", havingValue = "http")
@EnableConfigurationProperties(HttpMoveOutNoticeProperties.class)
class HttpMoveOutNoticeAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(MoveOutNoticeConnector.class)
  HttpMoveOutNoticeConnector httpMoveOutNoticeConnector(HttpMoveOutNoticeProperties settings) {
    return new HttpMoveOutNoticeConnector(settings);
  }
}
