package org.madoguchi.connectors.registry;

import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link HttpResidentRegistryConnector} when {@code madoguchi.connectors.registry.mode=http}.
 * It runs before the embedded connectors, whose registry then steps aside; an application bean of its own
 * still wins over both.
 */
@AutoConfiguration(before = EmbeddedConnectorsAutoConfiguration.class)
@ConditionalOnProperty(prefix = HttpResidentRegistryProperties.PREFIX, name = "mode", havingValue = "http")
@EnableConfigurationProperties(HttpResidentRegistryProperties.class)
class HttpResidentRegistryAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ResidentRegistryConnector.class)
  HttpResidentRegistryConnector httpResidentRegistryConnector(HttpResidentRegistryProperties settings) {
    return new HttpResidentRegistryConnector(settings);
  }
}
