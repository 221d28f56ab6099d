package org.madoguchi.visit;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.madoguchi.forms.FormCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

  /** A DMN engine for proposals and interview expressions: same FEEL as the process engine, no history. */
  @Bean
  DmnEngine proposalDmnEngine() {
    return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  /** Every application form packaged with the application (the forms module). */
  @Bean
  FormCatalog formCatalog() {
    return FormCatalog.fromClasspath(VisitConfiguration.class.getClassLoader());
  }
}
