package org.madoguchi.system;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
// The application's own settings only: connector settings are enabled by their auto-configurations, and only
// for the connector mode chosen.
@ConfigurationPropertiesScan({"org.madoguchi.system", "org.madoguchi.demo", "org.madoguchi.security"})
// Scheduling: the audit chain's sealer (the engine's job executor has its own threads).
@EnableScheduling
class SystemConfiguration {

  /** Before Spring Security's filters: an oversized body is refused before anything reads it. */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
    FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(-200);
    return registration;
  }

  /** Municipal dates (the move-in date, ages) are Japanese dates, whatever the server's zone. */
  @Bean
  Clock clock() {
    return Clock.system(java.time.ZoneId.of("Asia/Tokyo"));
  }
}
