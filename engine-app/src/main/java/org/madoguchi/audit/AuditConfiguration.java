package org.madoguchi.audit;

import org.camunda.bpm.engine.HistoryService;
import org.madoguchi.security.AsMadoguchi;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  /** After Spring Security's filters (order -100), so the staff member is known when the call is recorded. */
  @Bean
  FilterRegistrationBean<EngineRestAuditFilter> engineRestAuditFilter(AuditLog audit, HistoryService historyService,
      AsMadoguchi asMadoguchi) {
    FilterRegistrationBean<EngineRestAuditFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuditFilter(audit, historyService, asMadoguchi));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(0);
    return registration;
  }
}
