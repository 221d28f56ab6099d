package org.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The engine's REST API is closed to anonymous callers and answers signed-in staff as the engine's grants allow; the
 * Camunda webapps let in whom those grants let in; responses carry the secure headers; web forms need the CSRF token;
 * passwords are salted hashes; idle sessions end.
 */
@ApplicationOnH2
class SecurityIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ServerProperties server;

  @Test
  void engineRestApiNeedsASignedInStaffMember() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> counter = rest.withBasicAuth("counter", "counter")
        .getForEntity("/engine-rest/process-definition?key=move-in-visit", String.class);
    assertThat(counter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counter.getBody()).contains("move-in-visit");
    assertThat(rest.withBasicAuth("counter", "counter").getForEntity("/engine-rest/authorization", String.class)
        .getBody()).isEqualTo("[]");
    ResponseEntity<String> admin = rest.withBasicAuth("admin", "admin")
        .getForEntity("/engine-rest/authorization?groupIdIn=counter", String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody()).contains("\"groupId\":\"counter\"");
  }

  @Test
  void wrongPasswordIsRefused() {
    // The engine delays an account's next sign-in after a failure, so this uses an account no other test signs in as.
    assertThat(rest.withBasicAuth("advisor", "wrong").getForEntity("/api/move-out-notices", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("no-such-user", "x").getForEntity("/api/move-out-notices", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void apiResponsesCarryTheSecureHeaders() {
    HttpHeaders headers = rest.withBasicAuth("counter", "counter")
        .getForEntity("/api/move-out-notices", String.class).getHeaders();

    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getCacheControl()).contains("no-store");
  }

  @Test
  void healthIsOpenAndSaysUp() {
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void openApiDescriptionListsTheVisitApi() {
    ResponseEntity<String> docs = rest.getForEntity("/v3/api-docs", String.class);

    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("/api/visits", "/api/tasks/{id}/complete", "/api/deployments");
  }

  @Test
  void webFormsNeedTheCsrfTokenEvenForSigningIn() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "counter");
    form.add("password", "counter");

    ResponseEntity<String> withoutToken = rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
    ResponseEntity<String> uiPostWithoutToken = rest.postForEntity("/counter/visits",
        new HttpEntity<>(new LinkedMultiValueMap<>(java.util.Map.of("noticeId", java.util.List.of("N000001"))), headers),
        String.class);

    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(uiPostWithoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/login", String.class).getBody()).contains("name=\"_csrf\"");
  }

  @Test
  void passwordsAreKeptOnlyAsSaltedHashesAndSessionsEndAfterThirtyIdleMinutes() {
    java.util.Map<String, Object> stored = jdbc.sql("select PWD_, SALT_ from ACT_ID_USER where ID_ = 'counter'")
        .query().singleRow();

    assertThat((String) stored.get("PWD_")).startsWith("{SHA-512}").doesNotContain("counter");
    assertThat((String) stored.get("SALT_")).isNotBlank();
    assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
  }

  @Test
  void theCamundaWebappsAreTheAdministratorsAndCockpitAlsoAMunicipalitysAdministrators() {
    ResponseEntity<String> counter = signInToCamunda("counter", "cockpit");
    ResponseEntity<String> counterTasklist = signInToCamunda("counter", "tasklist");
    ResponseEntity<String> admin = signInToCamunda("admin", "admin");
    ResponseEntity<String> municipalityAdmin = signInToCamunda("kagoshimaAdmin", "cockpit");
    ResponseEntity<String> municipalityAdminInAdmin = signInToCamunda("kagoshimaAdmin", "admin");

    assertThat(counter.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.getBody()).contains("管理者だけ");
    assertThat(counterTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody()).contains("\"userId\":\"admin\"");
    assertThat(municipalityAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(municipalityAdmin.getBody()).contains("\"userId\":\"kagoshimaAdmin\"");
    assertThat(municipalityAdminInAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Signs in as the webapps do: with the session and CSRF token their start page hands out. */
  private ResponseEntity<String> signInToCamunda(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    cookies.forEach(cookie -> headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]));
    cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst()
        .ifPresent(cookie -> headers.add("X-XSRF-TOKEN", cookie.split(";", 2)[0].substring("XSRF-TOKEN=".length())));
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(credentials(user), headers), String.class);
  }

  private static LinkedMultiValueMap<String, String> credentials(String user) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    return form;
  }
}
