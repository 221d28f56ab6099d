package org.madoguchi.connectors.handoff;

import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link HttpDepartmentHandoffConnector} when {@code madoguchi.connectors.handoff.mode=http}. It
 * runs before the embedded connectors, whose hand-off then steps aside; an application bean of its own still
 * wins over both.
 */
@AutoConfiguration(before = EmbeddedConnectorsAutoConfiguration.class)
@ConditionalOnProperty(prefix = DepartmentHandoffProperties.PREFIX, name = "mode", havingValue = "http")
@EnableConfigurationProperties(DepartmentHandoffProperties.class)
class HttpDepartmentHandoffAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(DepartmentHandoffConnector.class)
  HttpDepartmentHandoffConnector httpDepartmentHandoffConnector(DepartmentHandoffProperties settings) {
    return new HttpDepartmentHandoffConnector(settings);
  }
}
