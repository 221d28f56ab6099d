package org.madoguchi.system;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("org.madoguchi")
class SystemConfiguration {

  /** Municipal dates (the move-in date, ages) are Japanese dates, whatever the server's zone. */
  @Bean
  Clock clock() {
    return Clock.system(java.time.ZoneId.of("Asia/Tokyo"));
  }
}
