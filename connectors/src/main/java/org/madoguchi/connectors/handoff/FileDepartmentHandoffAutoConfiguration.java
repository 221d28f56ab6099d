package org.madoguchi.connectors.handoff;

import java.time.Clock;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link FileDepartmentHandoffConnector} when {@code madoguchi.connectors.handoff.mode=file}. It
 * runs before the embedded connectors, whose hand-off then steps aside; an application bean of its own still
 * wins over both.
 */
@AutoConfiguration(before = EmbeddedConnectorsAutoConfiguration.class)
@ConditionalOnProperty(prefix = DepartmentHandoffProperties.PREFIX, name = "mode", havingValue = "file")
@EnableConfigurationProperties(DepartmentHandoffProperties.class)
class FileDepartmentHandoffAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(DepartmentHandoffConnector.class)
  FileDepartmentHandoffConnector fileDepartmentHandoffConnector(DepartmentHandoffProperties settings) {
    return FileDepartmentHandoffConnector.of(settings, Clock.systemDefaultZone());
  }
}
