package org.madoguchi.visit;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.madoguchi.forms.FormCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

  /** The FEEL of proposals and interview expressions: the process engine's, without custom functions. */
  @Bean
  CachingFeelEngine proposalFeelEngine() {
    return new CachingFeelEngine(List.of());
  }

  /** A DMN engine for proposals: same FEEL as the process engine, no history. */
  @Bean
  DmnEngine proposalDmnEngine(CachingFeelEngine proposalFeelEngine) {
    return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .feelEngineFactory(() -> proposalFeelEngine)
        .buildEngine();
  }

  /** Every application form packaged with the application (the forms module). */
  @Bean
  FormCatalog formCatalog() {
    return FormCatalog.fromClasspath(VisitConfiguration.class.getClassLoader());
  }
}
