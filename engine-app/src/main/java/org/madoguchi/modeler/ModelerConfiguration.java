package org.madoguchi.modeler;

import org.madoguchi.bpr.BpmnMetrics;
import org.madoguchi.forms.FormCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ModelerConfiguration {

  /** The bpr module's metrics, reading the forms the application deploys (the written-field counts). */
  @Bean
  BpmnMetrics bpmnMetrics(FormCatalog forms) {
    return new BpmnMetrics(forms);
  }
}
