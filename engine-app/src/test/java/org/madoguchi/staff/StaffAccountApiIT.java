package org.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Administrators create staff accounts in a role or department, change their groups and reset their passwords;
 * bad requests are refused with a reason and change nothing; the last administrator stays one; others may not.
 */
@ApplicationOnH2
class StaffAccountApiIT {

  private static final String PASSWORD = "kosodate-2024-spring";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;

  private ApiClient admin() {
    return ApiClient.as(rest, "admin");
  }

  @Test
  void departmentAccountIsCreatedAndSignsInToItsDepartment() {
    String id = newId();

    ResponseEntity<JsonNode> created = admin().post("/api/users", account(id, PASSWORD, List.of("child-support")));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("groups").findValuesAsText("id")).containsExactly("child-support");
    assertThat(created.getBody().path("groups").get(0).path("kind").asText()).isEqualTo("DEPARTMENT");
    assertThat(admin().get("/api/users").getBody().findValuesAsText("id")).contains(id);
    // It works for one municipality: the administrator's, here the home one.
    assertThat(identityService.createTenantQuery().userMember(id).list()).extracting(t -> t.getId())
        .containsExactly("462012");
    assertThat(rest.withBasicAuth(id, PASSWORD).getForEntity("/api/tasks?department=child-support", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(id, PASSWORD).getForEntity("/api/tasks?department=insurance-pension",
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badRequestsAreRefusedWithAReasonAndCreateNothing() {
    String id = newId();
    String longId = "staff" + "x".repeat(12);
    List<Map.Entry<String, ResponseEntity<JsonNode>>> refused = List.of(
        Map.entry("invalid-user-id", admin().post("/api/users", account("bad id!", PASSWORD, List.of("counter")))),
        Map.entry("weak-password", admin().post("/api/users", account(id, "short", List.of("counter")))),
        Map.entry("weak-password", admin().post("/api/users", account(longId, longId, List.of("counter")))),
        Map.entry("group-required", admin().post("/api/users", account(id, PASSWORD, List.of()))),
        Map.entry("unknown-group", admin().post("/api/users", account(id, PASSWORD,
            List.of("counter", "no-such-group")))),
        Map.entry("name-required", admin().post("/api/users", Map.of("id", id, "password", PASSWORD, "groups",
            List.of("counter")))),
        Map.entry("malformed-request", admin().send(HttpMethod.POST, "/api/users", "{\"id\": ")));

    refused.forEach(refusal -> {
      ResponseEntity<JsonNode> response = refusal.getValue();
      assertThat(response.getStatusCode()).as(refusal.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().path("error").asText()).isEqualTo(refusal.getKey());
      assertThat(response.getBody().path("message").asText()).isNotBlank();
    });
    assertThat(identityService.createUserQuery().userId(longId).count()).isZero();
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
  }

  @Test
  void takenUserNameIsAConflict() {
    ResponseEntity<JsonNode> response = admin().post("/api/users", account("hoken", PASSWORD, List.of("counter")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody().path("error").asText()).isEqualTo("user-exists");
  }

  @Test
  void groupsAreReplacedAndTheRolesFollow() {
    String id = newId();
    admin().post("/api/users", account(id, PASSWORD, List.of("child-support")));

    JsonNode changed = admin().put("/api/users/" + id + "/groups", Map.of("groups", List.of("insurance-pension",
        "counter"))).getBody();

    assertThat(changed.path("groups").findValuesAsText("id")).containsExactlyInAnyOrder("counter",
        "insurance-pension");
    assertThat(rest.withBasicAuth(id, PASSWORD).getForEntity("/api/tasks?department=child-support", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(id, PASSWORD).getForEntity("/api/move-out-notices", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin().put("/api/users/" + id + "/groups", Map.of("groups", List.of())).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin().put("/api/users/no-such-user/groups", Map.of("groups", List.of("counter"))).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theLastAdministratorCannotBeTakenOutOfTheAdministrators() {
    String second = newId();
    admin().post("/api/users", account(second, PASSWORD, List.of("camunda-admin")));
    assertThat(admin().put("/api/users/" + second + "/groups", Map.of("groups", List.of("counter")))
        .getStatusCode()).as("another administrator remains").isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> refused = admin().put("/api/users/admin/groups", Map.of("groups", List.of("counter")));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().path("error").asText()).isEqualTo("last-administrator");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isOne();
  }

  @Test
  void passwordIsResetUnderThePolicy() {
    String id = newId();
    admin().post("/api/users", account(id, PASSWORD, List.of("counter")));
    String newPassword = "counter-autumn-2024";

    assertThat(admin().put("/api/users/" + id + "/password", Map.of("password", "admin")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin().put("/api/users/" + id + "/password", Map.of("password", newPassword)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(identityService.checkPassword(id, newPassword)).isTrue();
    assertThat(identityService.checkPassword(id, PASSWORD)).isFalse();
  }

  @Test
  void onlyAdministratorsManageAccounts() {
    ApiClient counter = ApiClient.as(rest, "counter");
    String id = newId();

    assertThat(counter.get("/api/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.post("/api/users", account(id, PASSWORD, List.of("camunda-admin"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(rest, "advisor").put("/api/users/counter/password", Map.of("password", PASSWORD))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
  }

  private static Map<String, Object> account(String id, String password, List<String> groups) {
    return Map.of("id", id, "firstName", "花子", "lastName", "鹿児島", "password", password, "groups", groups);
  }

  private static String newId() {
    return "staff" + System.nanoTime() % 1_000_000;
  }
}
