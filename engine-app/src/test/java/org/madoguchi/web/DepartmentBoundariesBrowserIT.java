package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.system.MunicipalityProperties;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role lands on its own start page, and a department cannot open another department's task: not from
 * its list, not by typing the task's URL, not by posting to it. The error pages say in Japanese what to do.
 */
@ApplicationOnH2
class DepartmentBoundariesBrowserIT {

  private static Browser browser;

  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  TestRestTemplate rest;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    browser = Browser.start(port, "boundaries");
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @Test
  void departmentCannotOpenAnotherDepartmentsTaskEvenByUrl() {
    String visitId = acceptedVisit();
    String insuranceTask = ApiClient.as(rest, "hoken").tasks("insurance-pension", visitId).get(0).path("id").asText();

    browser.signIn("kosodate");
    assertThat(browser.path()).startsWith("/tasks");
    browser.field(By.cssSelector("#tasks tr[data-visit-id='" + visitId + "'][data-process-key=child-allowance]"));
    assertThat(browser.present(By.cssSelector("tr[data-task-id='" + insuranceTask + "']"))).isFalse();
    browser.check("tasks-child-support");

    browser.open("/tasks/" + insuranceTask);
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("このページは表示できません");
    assertThat(browser.text(By.id("error-message"))).contains("他の課のタスクは操作できません");
    assertThat(browser.present(By.id("complete"))).isFalse();
    browser.check("forbidden-task");

    browser.open("/tasks?department=insurance-pension");
    assertThat(browser.text(By.id("error-message"))).contains("他の課のタスク一覧は表示できません");
    browser.open("/visits/" + visitId + "/interview");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("このページは表示できません");

    browser.open("/tasks");
    Object claimed = browser.asyncScript("var done = arguments[arguments.length - 1];"
        + "var token = document.querySelector('meta[name=_csrf]').content;"
        + "var header = document.querySelector('meta[name=_csrf_header]').content;"
        + "var headers = {}; headers[header] = token;"
        + "fetch('/tasks/' + arguments[0] + '/claim', {method: 'POST', headers: headers, credentials: 'same-origin',"
        + " redirect: 'manual'}).then(function (r) { done(r.status); }, function (e) { done(String(e)); });",
        insuranceTask);
    assertThat(claimed).isEqualTo(403L);
    assertThat(ApiClient.as(rest, "hoken").get("/api/tasks/" + insuranceTask).getBody().path("assignee").isMissingNode())
        .isTrue();
    browser.signOut();
  }

  @Test
  void eachRoleLandsOnItsOwnStartPage() {
    browser.signIn("admin");
    assertThat(browser.path()).startsWith("/admin");
    assertThat(browser.field(By.id("camunda-cockpit")).getAttribute("href")).endsWith("/camunda/app/cockpit/default/");
    browser.check("admin");
    browser.open("/visits/no-such-visit/status");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("ページが見つかりません");
    browser.check("not-found");
    browser.signOut();

    browser.signIn("advisor");
    assertThat(browser.path()).startsWith("/advisor");
    assertThat(browser.field(By.id("open-modeler")).getAttribute("href")).endsWith("/advisor/modeler");
    browser.check("advisor");
    browser.open("/counter");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("このページは表示できません");
    browser.signOut();

    browser.signIn("gakko");
    assertThat(browser.path()).startsWith("/tasks");
    browser.signOut();
    browser.signIn("counter");
    assertThat(browser.path()).startsWith("/counter");
    browser.open("/tasks");
    browser.check("tasks-counter");
    browser.signOut();
  }

  /** A submitted visit of the 5-person household whose applications the counter has accepted. */
  private String acceptedVisit() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    return MoveInDriver.accepted(rest, notice.id());
  }
}
