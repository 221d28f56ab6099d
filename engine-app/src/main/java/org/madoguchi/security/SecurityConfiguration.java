package org.madoguchi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Staff sign in with HTTP Basic (API clients) or the login form (the UI); the engine's
 * REST API is open to every signed-in staff member for reading (installation administrators for everything),
 * as whom the engine then checks each call against its authorizations (EngineAuthorizations) and tenant
 * memberships; Camunda's webapps keep their own login and CSRF protection. The UI's scripts call the API with the
 * session cookie and the CSRF token the page carries in its meta tags.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  // Matchers name whole request paths: the engine REST API and the webapps are servlets of their own, which
  // Spring MVC's path matching does not see.

  /**
   * Camunda Cockpit, Tasklist and Admin authenticate against the same identity store themselves; the engine's
   * application grants say who may sign in to which (CamundaWebappsSignInFilter).
   */
  @Bean
  @Order(1)
  SecurityFilterChain camundaWebapps(HttpSecurity http, IdentityService identityService,
      AuthorizationService authorizationService) throws Exception {
    return http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new CamundaWebappsSignInFilter(identityService, authorizationService),
            AuthorizationFilter.class)
        .build();
  }

  /**
   * Signed-in staff only, and for all but installation administrators read-only: reads and queries, whose
   * answers the engine limits to what each may see. Work on a case goes through Madoguchi's API, which
   * checks what the engine cannot (protected variables, the visit, the audit log); completing a task or
   * starting a case straight through the engine would pass those checks by.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
    return http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/engine-rest/**").authenticated()
            .requestMatchers(engineRestQueries()).authenticated()
            .anyRequest().hasRole(Roles.ADMIN))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> writeProblem(response,
            HttpStatus.FORBIDDEN, "engine-rest-read-only", "Camunda REST API は参照だけに使えます。"
                + "案件の操作は Madoguchi の画面か API（/api/…）で行ってください。")))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain application(HttpSecurity http, IdentityService identityService) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html", "/error", "/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico")
            .permitAll()
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        // The UI's own sign-in page; "/" then sends each role to its start page (org.madoguchi.web).
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        // API clients answer to 401 rather than to a redirect to the login page.
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(
                (request, response, e) -> writeProblem(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "サインインが必要です。ユーザー名とパスワードを確認してください。"),
                SecurityConfiguration::isApiRequest)
            .defaultAccessDeniedHandlerFor(
                (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "forbidden",
                    "この操作を行う権限がありません。"),
                SecurityConfiguration::isApiRequest))
        // A request that carries its own credentials cannot be forged by another site's page; the UI's
        // session-cookie requests keep the CSRF check.
        .csrf(csrf -> csrf.ignoringRequestMatchers(new RequestHeaderRequestMatcher("Authorization")))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /** The engine REST API's queries that take their criteria in a POST body: reads, like its GETs. */
  private static RequestMatcher engineRestQueries() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Stream.of("task", "process-instance", "execution", "variable-instance", "job",
            "external-task", "history/process-instance", "history/task", "history/activity-instance",
            "history/variable-instance", "history/detail", "history/job-log", "history/external-task-log")
        .flatMap(resource -> Stream.of("/engine-rest/" + resource, "/engine-rest/" + resource + "/count"))
        .map(path -> (RequestMatcher) paths.matcher(HttpMethod.POST, path))
        .toList());
  }

  private static boolean isApiRequest(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /**
   * A URL the firewall refuses (encoded slashes, dot segments, …) answers in the API's error shape rather
   * than the container's error page.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> writeProblem(response, HttpStatus.BAD_REQUEST, "rejected-request",
        "URL に使えない文字や並びが含まれています。画面のリンクから操作し直してください。");
  }

  private static void writeProblem(HttpServletResponse response, HttpStatus status, String code, String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase()
        + "\",\"error\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":\"" + message + "\"}");
  }
}
