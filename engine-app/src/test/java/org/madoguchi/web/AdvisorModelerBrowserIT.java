package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationOnH2;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The advisor's web modeler in a real browser: open the deployed NHI enrollment process, add a user task after the
 * hand-over, see the model check and the burden metrics change, save it as a draft, find the task again when the
 * draft is reopened, and delete the draft. Every page is screenshotted and checked for accessibility, bpmn-js
 * included.
 */
@ApplicationOnH2
class AdvisorModelerBrowserIT {

  private static final String SHAPES = "#canvas g.djs-shape[data-element-id]";

  private static Browser browser;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    browser = Browser.start(port, "modeler");
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @Test
  void advisorAddsATaskToADeployedModelSeesTheCheckAndMetricsChangeAndSavesADraft() {
    browser.signIn("advisor");
    assertThat(browser.path()).startsWith("/advisor");
    browser.clickable(By.id("open-modeler")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/advisor/modeler"));
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Web モデラー");
    assertThat(browser.text(By.id("decisions"))).contains("move-in-related-procedures");
    browser.check("list");

    // The deployed model opens in bpmn-js; the side panel measures it and the linter checks it.
    browser.clickable(By.cssSelector("#processes tr[data-process-key=nhi-enrollment] a")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/advisor/modeler/processes/nhi-enrollment"));
    browser.field(By.cssSelector("#canvas[aria-busy=false]"));
    browser.until(d -> metric("userTasks").equals("4"));
    assertThat(metric("lanes")).isEqualTo("2");
    assertThat(browser.text(By.id("metrics-roles"))).contains("保険年金課: 2件");
    browser.field(By.cssSelector("#lint-panel[data-errors]"));
    int errorsBefore = Integer.parseInt(browser.field(By.id("lint-panel")).getAttribute("data-errors"));
    assertThat(browser.present(By.cssSelector(".bjs-powered-by"))).as("the bpmn.io watermark stays").isTrue();
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("国民健康保険 加入");
    browser.check("opened");

    // The button needs a selected element and says so; with the hand-over selected it appends a user task.
    browser.clickable(By.id("append-user-task")).click();
    assertThat(browser.text(By.id("tool-status"))).contains("要素を1つクリックして選んで");
    List<String> before = shapeIds();
    browser.clickable(By.cssSelector("#canvas g.djs-element[data-element-id=HandOver]")).click();
    browser.until(d -> shapeClass("HandOver").contains("selected"));
    browser.clickable(By.id("append-user-task")).click();
    browser.until(d -> shapeIds().size() > before.size());
    List<String> added = new ArrayList<>(shapeIds());
    added.removeAll(before);
    String task = added.stream().filter(id -> !id.startsWith("Flow_")).findFirst().orElseThrow();
    assertThat(shapeClass(task)).contains("selected");

    // The panel says what changed, and the linter names the new, unnamed task in the panel and in the diagram.
    browser.until(d -> d.findElement(By.id("metrics-changes")).getText().contains("ユーザータスク 4 → 5"));
    assertThat(metric("userTasks")).isEqualTo("5");
    assertThat(browser.text(By.id("metrics-roles"))).contains("保険年金課: 3件");
    WebElement issue = browser.field(By.cssSelector("#lint-issues li[data-element-id='" + task + "'][data-rule=label-required]"));
    assertThat(issue.getText()).contains("エラー", "名前のない要素（" + task + "）", "名前がありません");
    assertThat(Integer.parseInt(browser.field(By.id("lint-panel")).getAttribute("data-errors"))).isGreaterThan(errorsBefore);
    assertThat(browser.text(By.id("lint-summary"))).matches("エラー \\d+件・警告 \\d+件");
    browser.field(By.cssSelector(".djs-overlays[data-container-id='" + task + "'] .bjsl-overlay"));
    assertThat(browser.text(By.id("save-status"))).isEqualTo("保存していない変更があります。");
    browser.check("task-added");

    // The check's element name selects the element in the diagram.
    browser.clickable(By.cssSelector("#canvas g.djs-element[data-element-id=Approve]")).click();
    browser.until(d -> !shapeClass(task).contains("selected"));
    issue.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
    browser.until(d -> shapeClass(task).contains("selected"));

    // Saved as a draft: the address names the draft from now on.
    WebElement name = browser.field(By.id("draft-name"));
    assertThat(name.getAttribute("value")).isEqualTo("国民健康保険 加入（改善案）");
    name.clear();
    browser.clickable(By.id("save-draft")).click();
    assertThat(browser.text(By.id("modeler-error"))).contains("下書きの名前を入力して");
    name.sendKeys("国保加入 改善案（引継ぎの後に確認）");
    browser.clickable(By.id("save-draft")).click();
    browser.until(d -> d.findElement(By.id("save-status")).getText().startsWith("下書きを保存しました（第1版"));
    assertThat(browser.path()).startsWith("/advisor/modeler/drafts/");
    String draftId = browser.path().substring("/advisor/modeler/drafts/".length());
    assertThat(browser.text(By.id("model-source"))).isEqualTo("下書き");
    browser.check("saved");

    // Reopened from the list, the draft has the added task, and the same metrics.
    browser.open("/advisor/modeler");
    WebElement row = browser.field(By.cssSelector("#drafts tr[data-draft-id='" + draftId + "']"));
    assertThat(row.getText()).contains("国保加入 改善案（引継ぎの後に確認）", "nhi-enrollment", "advisor");
    browser.check("list-with-draft");
    row.findElement(By.linkText("開く")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/advisor/modeler/drafts/" + draftId));
    browser.field(By.cssSelector("#canvas[aria-busy=false]"));
    assertThat(browser.present(By.cssSelector("#canvas g.djs-element[data-element-id='" + task + "']"))).isTrue();
    browser.until(d -> metric("userTasks").equals("5"));
    assertThat(browser.field(By.id("draft-name")).getAttribute("value")).isEqualTo("国保加入 改善案（引継ぎの後に確認）");
    browser.check("draft-reopened");

    // Deleted from the list, the draft is gone.
    browser.clickable(By.linkText("モデルの一覧に戻る")).click();
    browser.clickable(By.cssSelector("#drafts tr[data-draft-id='" + draftId + "'] button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/advisor/modeler"));
    assertThat(browser.text(By.cssSelector(".notice--success"))).isEqualTo("下書きを削除しました。");
    assertThat(browser.present(By.cssSelector("#drafts tr[data-draft-id='" + draftId + "']"))).isFalse();

    // The same page in English.
    browser.open("/advisor/modeler?lang=en");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Web modeler");
    browser.check("list-english");
    browser.open("/advisor/modeler?lang=ja");
    browser.signOut();
  }

  private static String metric(String key) {
    return browser.driver().findElement(By.cssSelector("#metrics td[data-metric=" + key + "]")).getText();
  }

  private static String shapeClass(String id) {
    return browser.driver().findElement(By.cssSelector("#canvas g.djs-element[data-element-id='" + id + "']"))
        .getAttribute("class");
  }

  @SuppressWarnings("unchecked")
  private static List<String> shapeIds() {
    return (List<String>) browser.script("return Array.from(document.querySelectorAll(arguments[0]))"
        + ".map(function (g) { return g.getAttribute('data-element-id'); });", SHAPES);
  }
}
