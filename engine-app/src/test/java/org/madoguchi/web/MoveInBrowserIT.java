package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.card.SimulatedMyNumberCard;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.CardReaderAtTheCounter;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole move-in of the seeds' 5-person household in a real browser: the counter signs in, opens the
 * visit from the move-out notice, answers the interview while the related procedures appear and disappear,
 * the resident signs on the canvas, the counter submits and accepts; the insurance department claims its task,
 * checks the application in its form, fills in the office-use entries and approves; the visit board shows the visit
 * done. Every page is screenshotted and checked for accessibility on the way.
 */
@ApplicationOnH2
class MoveInBrowserIT {

  private static Browser browser;

  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  CardReaderAtTheCounter reader;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    browser = Browser.start(port, "move-in");
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @Test
  void familyOfFiveMovesInThroughTheWebUi() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    String head = notice.members().get(0).id();
    String spouse = notice.members().get(1).id();

    // Sign-in, Japanese first, English a click away.
    browser.open("/login");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("サインイン");
    assertThat(browser.script("return document.documentElement.lang + '/' + document.characterSet")).isEqualTo("ja/UTF-8");
    browser.check("login");
    browser.clickable(By.cssSelector("a[hreflang=en]")).click();
    browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("Sign in"));
    browser.check("login-english");
    browser.clickable(By.cssSelector("a[hreflang=ja]")).click();
    browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("サインイン"));

    // The counter lands on its start page: the notices sent ahead, and the visit board.
    browser.signIn("counter");
    assertThat(browser.path()).startsWith("/counter");
    // The first Tab reaches the skip link, visible when focused; Enter moves on to the page's content.
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    WebElement skip = browser.driver().switchTo().activeElement();
    assertThat(skip.getAttribute("class")).isEqualTo("skip-link");
    assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
    skip.sendKeys(Keys.ENTER);
    browser.until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
    // The card on the reader, a mistyped PIN: the counter is told in Japanese how many tries are left.
    reader.put(SimulatedMyNumberCard.builder().pin("2580").name("薩摩\u3000太郎")
        .birthDate(notice.members().get(0).birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)).build());
    browser.field(By.id("pin")).sendKeys("1234");
    browser.clickable(By.cssSelector("#card-form button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/counter"));
    assertThat(browser.text(By.cssSelector(".notice--error"))).contains("暗証番号が違います", "あと2回");
    assertThat(browser.field(By.id("pin")).getAttribute("value")).isEmpty();
    reader.unplug();
    browser.field(By.id("q")).sendKeys(notice.id());
    browser.clickable(By.cssSelector("form[role=search] button[type=submit]")).click();
    WebElement row = browser.field(By.cssSelector("tr[data-notice-id='" + notice.id() + "']"));
    assertThat(row.getText()).contains("薩摩\u3000太郎", "サツマ\u3000タロウ", "福岡市中央区");
    browser.check("counter");

    // Opening the visit brings the household with every prefilled item.
    row.findElement(By.cssSelector("button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/interview"));
    String visitId = browser.path().split("/")[2];
    browser.field(By.cssSelector("form#interview[data-ready=true]"));
    List<WebElement> members = browser.driver().findElements(By.cssSelector("#household-members tbody tr"));
    assertThat(members).hasSize(5);
    assertThat(browser.text(By.id("household-heading")).isEmpty()).isFalse();
    assertThat(browser.text(By.id("household-members"))).contains("薩摩\u3000花子", "サツマ\u3000サブロウ", "昭和", "平成", "令和");
    assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
        .contains("福岡県福岡市中央区天神二丁目3番4号", "鹿児島県鹿児島市中央町10番1号", "コーポ桜島201号室", "890-0053");
    assertThat(proposalKeys()).contains("nhi-enrollment/household", "child-allowance/" + head)
        .noneMatch(key -> key.startsWith("seal-registration/"));
    browser.check("interview");

    // The interview: only what no system knows; each answer adds or removes procedures, with the reason.
    browser.clickable(By.id("m." + head + ".wantsSealRegistration")).sendKeys(Keys.SPACE);
    browser.until(d -> proposalKeys().contains("seal-registration/" + head));
    assertThat(browser.text(By.cssSelector("#proposals li[data-key='seal-registration/" + head + "']")))
        .contains("印鑑登録を希望したため");
    assertThat(browser.text(By.id("proposal-status"))).contains("追加");
    browser.clickable(By.id("m." + spouse + ".employeePension")).click();
    browser.until(d -> !proposalKeys().contains("national-pension/" + spouse));
    assertThat(browser.text(By.id("proposal-status"))).contains("不要");
    browser.clickable(By.id("m." + spouse + ".employeePension")).click();
    browser.until(d -> proposalKeys().contains("national-pension/" + spouse));
    assertThat(browser.text(By.cssSelector("#proposals li[data-key='national-pension/" + spouse + "']")))
        .contains("20歳以上60歳未満で厚生年金に加入していないため");
    assertThat(proposalKeys()).hasSize(8);
    // What only the resident knows for the applications: asked once, in words, by the staff.
    browser.field(By.id("h.phoneNumber")).sendKeys("099-224-1111");
    browser.field(By.id("m." + head + ".employerName")).sendKeys("桜島運輸株式会社");
    browser.check("interview-answered");

    // The confirmation the resident reads, in large type, and signs on the canvas.
    browser.clickable(By.cssSelector("form#interview button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/confirm"));
    WebElement pad = browser.field(By.cssSelector("#signature-pad[data-ready=true]"));
    assertThat(browser.driver().findElements(By.cssSelector("#proposals > li"))).hasSize(8);
    assertThat(browser.script("return getComputedStyle(document.querySelector('main')).fontSize")).isEqualTo("20px");
    assertThat(browser.text(By.id("burden"))).contains("今日お書きいただくのは 0項目", "署名は1回");
    assertThat(browser.text(By.id("answers"))).contains("099-224-1111", "桜島運輸株式会社", "薩摩\u3000太郎");
    browser.check("confirm");
    browser.clickable(By.id("signature-submit")).click();
    assertThat(browser.text(By.id("submit-error"))).contains("署名欄");
    new Actions(browser.driver()).moveToElement(pad, -200, 10).clickAndHold()
        .moveByOffset(60, -40).moveByOffset(60, 50).moveByOffset(60, -50).moveByOffset(60, 40).release().perform();
    browser.until(d -> d.findElement(By.id("signature-state")).getText().equals("署名されました。"));
    browser.resize(1024, 768);
    browser.screenshot("confirm-signed-tablet");
    browser.resize(1366, 900);
    browser.clickable(By.id("signature-submit")).click();

    // Submitted: the status board shows progress until every procedure waits for the counter's acceptance.
    browser.until(d -> d.getCurrentUrl().contains("/visits/" + visitId + "/status"));
    browser.until(d -> d.findElements(By.cssSelector("#procedures tbody tr[data-state=ACCEPTING]")).size() == 8);
    assertThat(browser.text(By.id("procedures"))).contains("国民健康保険", "保険年金課", "子育て支援課", "学校教育課", "市民課");
    browser.check("status-submitted");
    browser.clickable(By.cssSelector("#accept-all button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().contains("accepted=8"));
    browser.until(d -> d.findElements(By.cssSelector("#procedures tbody tr[data-state=IN_REVIEW]")).size() == 8);
    browser.reloadUntil(d -> !d.findElements(By.cssSelector("#documents li a")).isEmpty());
    browser.check("status-accepted");
    browser.signOut();

    // The insurance department lands on its task list, filters, claims and approves its NHI case.
    browser.signIn("hoken");
    assertThat(browser.path()).startsWith("/tasks");
    browser.field(By.id("q")).sendKeys("国民健康保険");
    browser.clickable(By.cssSelector("form.filters button[type=submit]")).click();
    String nhiRow = "#tasks tr[data-visit-id='" + visitId + "'][data-process-key=nhi-enrollment]";
    browser.field(By.cssSelector(nhiRow + "[data-step=Check]"));
    assertThat(browser.driver().findElements(By.cssSelector("#tasks tbody tr")))
        .allMatch(r -> r.getText().contains("国民健康保険"));
    browser.check("tasks");
    for (String step : List.of("Check", "Approve")) {
      browser.open("/tasks?q=" + visitId.substring(0, 8));
      browser.clickable(By.cssSelector(nhiRow + "[data-step=" + step + "] button[type=submit]")).click();
      browser.until(d -> d.getCurrentUrl().matches(".*/tasks/[^/?]+$"));
      assertThat(browser.text(By.id("task-assignee"))).isEqualTo("hoken");
      assertThat(browser.text(By.id("task-members"))).contains("薩摩\u3000太郎", "薩摩\u3000三郎");
      // The application in the form deployed for the task, as the resident signed it: what the counter filled is
      // shown and cannot be changed; the office-use entries typed at the check go with its approval.
      browser.field(By.cssSelector("#task-form:not([aria-busy]) form.fjs-form"));
      assertThat(formFieldValues()).contains("薩摩\u3000太郎", "薩摩\u3000花子", "薩摩\u3000三郎",
          "鹿児島県鹿児島市中央町10番1号", "福岡県福岡市中央区天神二丁目3番4号");
      assertThat(browser.field(By.cssSelector("#task-form input[id$='Field_address']")).isEnabled()).isFalse();
      WebElement symbol = browser.field(By.cssSelector("#task-form input[id$='Field_insuranceSymbolNumber']"));
      if ("Check".equals(step)) {
        symbol.sendKeys("鹿 12-345");
      } else {
        assertThat(symbol.getAttribute("value")).isEqualTo("鹿 12-345");
      }
      browser.check("task-" + step);
      browser.clickable(By.id("complete")).click();
      browser.until(d -> d.getCurrentUrl().matches(".*/tasks$"));
      assertThat(browser.text(By.cssSelector(".notice--success"))).contains("完了しました");
    }

    // The visit is one click away; the NHI case is done once its hand-over has run.
    browser.open("/tasks?q=" + visitId.substring(0, 8));
    browser.clickable(By.cssSelector("#tasks tr[data-visit-id='" + visitId + "'] a[href$='/status']")).click();
    browser.reloadUntil(d -> !d.findElements(By.cssSelector("#procedures tr[data-process-key=nhi-enrollment][data-state=COMPLETED]")).isEmpty());
    browser.check("status-department");
    browser.signOut();

    // The other departments work theirs (through the API, as MoveInJourney does in detail); the board shows it done.
    completeOtherDepartments(visitId);
    browser.signIn("counter");
    browser.open("/board");
    browser.reloadUntil(d -> d.findElements(By.cssSelector("#board-done tr[data-visit-id='" + visitId + "']")).stream()
        .anyMatch(r -> r.getText().contains("すべて完了")));
    assertThat(browser.driver().findElements(By.cssSelector("#board-waiting tr[data-visit-id='" + visitId + "']"))).isEmpty();
    browser.check("board");
  }

  /** The values of the rendered application form's inputs, in the form's order. */
  @SuppressWarnings("unchecked")
  private List<String> formFieldValues() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('#task-form input')).map(function (i) { return i.value; });");
  }

  /** The proposals' keys (procedure/scope), read in one go: the script replaces the list as answers change. */
  @SuppressWarnings("unchecked")
  private List<String> proposalKeys() {
    return (List<String>) browser.script(
        "return Array.from(document.querySelectorAll('#proposals > li')).map(function (li) { return li.dataset.key; });");
  }

  private void completeOtherDepartments(String visitId) {
    for (String[] department : new String[][] {{"hoken", "insurance-pension"}, {"kosodate", "child-support"},
        {"gakko", "school-education"}, {"shimin", "citizens"}}) {
      ApiClient staff = ApiClient.as(rest, department[0]);
      for (int round = 0; round < 2; round++) {
        for (JsonNode task : staff.tasks(department[1], visitId)) {
          assertThat(staff.post("/api/tasks/" + task.path("id").asText() + "/complete", java.util.Map.of())
              .getStatusCode().is2xxSuccessful()).isTrue();
        }
      }
      assertThat(staff.tasks(department[1], visitId)).isEmpty();
    }
  }
}
