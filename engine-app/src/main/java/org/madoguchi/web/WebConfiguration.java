package org.madoguchi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The web UI's language: Japanese unless the staff member switches to English ({@code ?lang=en}, kept in a
 * cookie). Texts come from {@code messages_ja.properties} (the default) and {@code messages_en.properties}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final Locale DEFAULT_LOCALE = Locale.JAPANESE;
  static final String LANGUAGE_PARAMETER = "lang";
  static final List<String> SUPPORTED_LANGUAGES = List.of("ja", "en");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("madoguchi-lang");
    resolver.setDefaultLocale(DEFAULT_LOCALE);
    return resolver;
  }

  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setDefaultLocale(DEFAULT_LOCALE);
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  /** {@code ?lang=ja} or {@code ?lang=en} switches the language; any other value is ignored. */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = request.getParameter(LANGUAGE_PARAMETER);
        if (language != null && SUPPORTED_LANGUAGES.contains(language)) {
          RequestContextUtils.getLocaleResolver(request).setLocale(request, response, Locale.forLanguageTag(language));
        }
        return true;
      }
    });
  }
}
