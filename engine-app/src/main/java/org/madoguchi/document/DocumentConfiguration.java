package org.madoguchi.document;

import org.madoguchi.forms.ApplicationPdf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

  /**
   * The PDF renderer, made when the first application is archived: a machine without a Japanese font still
   * starts, and the archiving job says which font package to install.
   */
  @Bean
  @Lazy
  ApplicationPdf applicationPdf() {
    return new ApplicationPdf();
  }
}
