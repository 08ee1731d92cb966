package org.flowcrm.ui.layout;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages of the UI: English (default) and Polish, taken from the browser's {@code
 * Accept-Language} and switched with {@code ?lang=pl}, remembered in a cookie. Runs before Spring
 * MVC's auto-configuration so that its own locale resolver backs off.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LayoutAutoConfiguration {

  /** The languages every message bundle must cover. */
  public static final List<Locale> SUPPORTED_LOCALES =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"));

  /** The request parameter that switches the language. */
  public static final String LANGUAGE_PARAMETER = "lang";

  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("flowcrm-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          Locale requested = request.getLocale();
          return SUPPORTED_LOCALES.stream()
              .filter(l -> requested != null && l.getLanguage().equals(requested.getLanguage()))
              .findFirst()
              .orElse(Locale.ENGLISH);
        });
    return resolver;
  }

  @Bean
  WebMvcConfigurer flowcrmLocaleSwitch() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor =
            new LocaleChangeInterceptor() {
              @Override
              protected Locale parseLocaleValue(String value) {
                // Only the languages we have bundles for; anything else falls back to the default.
                return SUPPORTED_LOCALES.stream()
                    .filter(l -> l.getLanguage().equalsIgnoreCase(value))
                    .findFirst()
                    .orElse(null);
              }
            };
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
      }
    };
  }
}
