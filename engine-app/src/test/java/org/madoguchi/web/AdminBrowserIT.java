package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator's pages in a real browser: a bundle with problems is refused per element on its dry run; a valid
 * new version of the NHI enrollment is checked (versions and burden metrics before and after) and deployed; the
 * version list shows the cases on each version, which migrate to the new one after a dry run; the two versions are
 * compared; a department account is created and signs in, and cannot open the administration; the last
 * administrator stays one. Every page is screenshotted and checked for accessibility. Its own database: it deploys a
 * version of a shared procedure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Its own engine name: the shared application's engine stays the one the engine REST API answers for.
    "camunda.bpm.process-engine-name=adminBrowser",
    "madoguchi.data-dir=target/it-data/admin-browser",
    "spring.datasource.url=jdbc:h2:mem:admin-browser;DB_CLOSE_DELAY=-1"})
class AdminBrowserIT {

  private static final String KEY = "nhi-enrollment";
  private static final String NEW_USER = "kosodate2";
  private static final String NEW_PASSWORD = "kosodate-2024-spring";

  private static Browser browser;

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  AuditLog audit;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    browser = Browser.start(port, "admin");
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @Test
  void administratorDeploysMigratesComparesAndCreatesAnAccount(@TempDir Path files) throws IOException {
    ProcessDefinition v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult();
    waitingAtCheck(v1, "visit-a1");
    waitingAtCheck(v1, "visit-a2");
    String shipped = shippedModel();

    browser.signIn("admin");
    assertThat(browser.path()).startsWith("/admin");
    browser.check("home");

    // A bundle with problems: the dry run names each element, and nothing is deployed.
    browser.clickable(By.id("admin-deploy")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/admin/deployments"));
    browser.check("deploy");
    String broken = shipped
        .replace("camunda:candidateGroups=\"insurance-pension\" camunda:formRef=\"nhi-enrollment-application\"",
            "camunda:candidateGroups=\"insurance-pension\" camunda:formRef=\"no-such-form\"")
        .replace("name=\"資格取得の決裁\" ", "");
    upload(write(files.resolve("broken").resolve(KEY + ".bpmn"), broken));
    browser.field(By.id("deploy-problems"));
    assertThat(browser.text(By.cssSelector("#problems tr[data-element=Check]"))).contains("no-such-form");
    assertThat(browser.text(By.cssSelector("#problems tr[data-element=Approve][data-rule=label-required]")))
        .contains("名前がありません");
    assertThat(browser.present(By.id("deploy"))).isFalse();
    browser.check("deploy-problems");

    // A valid new version: the department corrects the application itself, so the work changes hands less.
    String improved = shipped.replace("<bpmn:flowNodeRef>Correct</bpmn:flowNodeRef>", "")
        .replace("<bpmn:flowNodeRef>Check</bpmn:flowNodeRef>",
            "<bpmn:flowNodeRef>Check</bpmn:flowNodeRef><bpmn:flowNodeRef>Correct</bpmn:flowNodeRef>");
    upload(write(files.resolve("improved").resolve(KEY + ".bpmn"), improved));
    browser.field(By.id("deploy-checked"));
    WebElement change = browser.field(By.cssSelector("table[data-process-key=" + KEY + "]"));
    assertThat(change.findElement(By.cssSelector(".version-change")).getText()).isEqualTo("第1版 → 第2版");
    assertThat(metric(change, "handOffs", "before")).isEqualTo("3");
    assertThat(metric(change, "handOffs", "after")).isEqualTo("1");
    assertThat(metric(change, "userTasks", "after")).isEqualTo("4");
    assertThat(browser.text(By.cssSelector("#warnings tr[data-rule=fake-join]"))).contains("Check");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isOne();
    browser.check("deploy-checked");
    browser.clickable(By.id("deploy")).click();
    browser.field(By.id("deploy-done"));
    assertThat(browser.text(By.cssSelector("table[data-process-key=" + KEY + "] .version-change")))
        .isEqualTo("第1版 → 第2版");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getVersion()).isEqualTo(2);
    browser.check("deployed");

    // The versions with their cases; the two cases on version 1 move to version 2 after a dry run.
    browser.clickable(By.linkText("版と案件数")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/admin/versions"));
    assertThat(running(1)).isEqualTo("2件");
    assertThat(running(2)).isEqualTo("0件");
    browser.check("versions");
    browser.clickable(By.cssSelector(version(1) + " a.migrate-link")).click();
    browser.until(d -> d.getCurrentUrl().contains("/admin/migrations"));
    browser.clickable(By.id("check-migration")).click();
    assertThat(browser.text(By.id("migration-result"))).contains("2件の案件をすべて移行できます");
    assertThat(browser.driver().findElements(By.cssSelector("#instances tr[data-ok=true]"))).hasSize(2);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(2);
    browser.check("migration-checked");
    browser.clickable(By.id("migrate")).click();
    assertThat(browser.text(By.id("migration-result"))).contains("2件の案件を移行しました");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
    browser.check("migrated");

    // Version 2 against version 1: only the correction's lane differs.
    browser.clickable(By.linkText("版と案件数")).click();
    assertThat(running(2)).isEqualTo("2件");
    browser.clickable(By.cssSelector(version(2) + " a.compare-link")).click();
    browser.until(d -> d.getCurrentUrl().contains("/admin/fit-gap"));
    assertThat(browser.text(By.id("departure"))).isEqualTo("乖離率 4.8%");
    assertThat(browser.text(By.cssSelector("#changed tr[data-element-id=Correct][data-aspect=lane]")))
        .contains("市民課 総合窓口", "保険年金課");
    browser.check("fit-gap");

    // A department account is created, and signs in to its department's task list.
    browser.clickable(By.linkText("職員のアカウント")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/admin/users"));
    browser.check("users");
    browser.field(By.id("user-id")).sendKeys(NEW_USER);
    browser.field(By.id("user-last-name")).sendKeys("子育");
    browser.field(By.id("user-first-name")).sendKeys("七子");
    browser.field(By.id("user-password")).sendKeys(NEW_PASSWORD);
    browser.clickable(By.cssSelector("#create-user input[name=groups][value=child-support]")).click();
    browser.clickable(By.id("create")).click();
    assertThat(browser.text(By.id("user-created"))).contains(NEW_USER);
    assertThat(browser.text(By.cssSelector("#accounts tr[data-user-id=" + NEW_USER + "]"))).contains("子育て支援課");
    browser.check("user-created");

    // The only administrator cannot be taken out of the administrators.
    browser.clickable(By.cssSelector("#accounts tr[data-user-id=admin] a")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/admin/users/admin"));
    browser.clickable(By.cssSelector("#user-groups input[value=camunda-admin]")).click();
    browser.clickable(By.cssSelector("#user-groups input[value=counter]")).click();
    browser.clickable(By.id("save-groups")).click();
    assertThat(browser.text(By.cssSelector(".notice--error"))).contains("最後の管理者");
    assertThat(browser.driver().findElement(By.cssSelector("#user-groups input[value=camunda-admin]")).isSelected())
        .isTrue();
    browser.check("last-administrator");

    // The audit log: the chain's state, and the accesses to one visit's data.
    audit.record(AuditAction.READ_VISIT, "browser-audit-visit", "000000012", "来庁情報の参照");
    browser.clickable(By.linkText("アクセス記録")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/admin/audit"));
    assertThat(browser.text(By.id("chain"))).contains("完全");
    browser.field(By.id("visitId")).sendKeys("browser-audit-visit");
    browser.clickable(By.cssSelector("form[role=search] button[type=submit]")).click();
    browser.until(d -> d.getCurrentUrl().contains("visitId=browser-audit-visit"));
    assertThat(browser.text(By.id("entries"))).contains("READ_VISIT", "000000012", "来庁情報の参照");
    browser.check("audit");

    browser.open("/admin/deployments?lang=en");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Deploy processes, decisions and forms");
    browser.check("deploy-english");
    browser.open("/admin?lang=ja");
    browser.signOut();

    browser.signIn(NEW_USER, NEW_PASSWORD);
    assertThat(browser.path()).startsWith("/tasks");
    browser.check("new-user-tasks");
    browser.open("/admin/users");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("このページは表示できません");
    browser.open("/tasks");
    browser.signOut();
  }

  private static void upload(Path file) {
    browser.field(By.id("bundle-files")).sendKeys(file.toAbsolutePath().toString());
    browser.clickable(By.id("check")).click();
  }

  private static String metric(WebElement table, String metric, String which) {
    return table.findElement(By.cssSelector("tr[data-metric=" + metric + "] td[data-value=" + which + "]")).getText();
  }

  private static String version(int version) {
    return "section[data-process-key=" + KEY + "] tr[data-version='" + version + "']";
  }

  private static String running(int version) {
    return browser.text(By.cssSelector(version(version) + " td[data-running]"));
  }

  private void waitingAtCheck(ProcessDefinition definition, String visitId) {
    String instance = runtimeService.startProcessInstanceById(definition.getId(), visitId, Map.of("visitId", visitId,
        "municipalityCode", "462012", "householdNumber", "0000500011", "atenaNumbers", "0001000012")).getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
  }

  private static String shippedModel() throws IOException {
    try (InputStream in = AdminBrowserIT.class.getResourceAsStream("/bpmn/" + KEY + ".bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
