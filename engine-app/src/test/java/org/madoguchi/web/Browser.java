package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver (never a downloaded driver or browser), with what
 * the browser tests need: signing in, explicit waits, full-page screenshots under target/screenshots/, and
 * an axe-core accessibility check of every page (axe-core from the npm lock file, injected into the page).
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path AXE_REPORT = SCREENSHOTS.resolve("axe-report.txt");
  private static final String CHROMIUM = System.getProperty("madoguchi.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("madoguchi.chromedriver", "/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static int shots;

  static {
    // Each run starts a fresh set of screenshots and a fresh accessibility report.
    try {
      Files.createDirectories(SCREENSHOTS);
      try (Stream<Path> old = Files.list(SCREENSHOTS)) {
        old.filter(file -> file.toString().endsWith(".png") || file.equals(AXE_REPORT)).forEach(file -> file.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;
  private final String name;

  private Browser(ChromeDriver driver, Path profile, String baseUrl, String name) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
    this.name = name;
  }

  /** Starts a fresh headless Chromium (its own profile directory) for the application on {@code port}. */
  static Browser start(int port, String name) {
    assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium at %s (apt-get install chromium)", CHROMIUM)
        .isTrue();
    assertThat(new File(CHROMEDRIVER).canExecute())
        .as("Debian's chromedriver at %s (apt-get install chromium-driver)", CHROMEDRIVER).isTrue();
    try {
      Files.createDirectories(SCREENSHOTS);
      Path profile = Files.createTempDirectory("madoguchi-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=ja-JP",
          "--no-first-run", "--no-default-browser-check");
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      // The first visit warms the engine's decision and expression engines up: a page may take a while then.
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      driver.manage().timeouts().scriptTimeout(PATIENCE);
      return new Browser(driver, profile, "http://localhost:" + port, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  /** Signs in as a demo user, whose password is its name. */
  void signIn(String user) {
    signIn(user, user);
  }

  /** Signs in with the keyboard only: the user name, Tab, the password, Enter. */
  void signIn(String user, String password) {
    open("/login");
    field(By.id("username")).sendKeys(user + Keys.TAB);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    driver.switchTo().activeElement().sendKeys(password + Keys.ENTER);
    until(d -> !d.getCurrentUrl().contains("/login"));
  }

  void signOut() {
    driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    until(d -> d.getCurrentUrl().contains("/login"));
  }

  WebElement field(By by) {
    return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by));
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition::apply);
  }

  /** Reloads the page until {@code condition} holds (for what a background job changes). */
  void reloadUntil(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(500)).until(d -> {
      if (Boolean.TRUE.equals(condition.apply(d))) {
        return true;
      }
      d.navigate().refresh();
      return false;
    });
  }

  boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  String text(By by) {
    return field(by).getText();
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an asynchronous script: it calls its last argument with the result. */
  Object asyncScript(String script, Object... args) {
    return driver.executeAsyncScript(script, args);
  }

  /** A screenshot of the whole page and an accessibility check of it; fails on serious or critical violations. */
  void check(String step) {
    screenshot(step);
    List<String> serious = accessibility(step);
    assertThat(serious).as("serious or critical accessibility violations on %s (%s); see %s", step, path(),
        AXE_REPORT).isEmpty();
  }

  /** Saves a screenshot of the whole page as target/screenshots/NN-<name>-<step>.png. */
  Path screenshot(String step) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", nextShot(), name, step));
    try {
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Resizes the window (a tablet, a counter PC). */
  void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /**
   * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page, appends every violation to
   * target/screenshots/axe-report.txt, and returns the serious and critical ones.
   */
  List<String> accessibility(String step) {
    script(axeSource());
    Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        + " 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
        + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('error: ' + e); });");
    assertThat(String.valueOf(result)).as("axe-core ran").doesNotStartWith("error");
    List<String> lines = new ArrayList<>();
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
        List<String> targets = new ArrayList<>();
        violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
        String line = String.format("  %s [%s] %s — %d node(s): %s", violation.path("id").asText(),
            violation.path("impact").asText(), violation.path("help").asText(), targets.size(),
            String.join(" ", targets.subList(0, Math.min(5, targets.size()))));
        lines.add(line);
        if ("serious".equals(violation.path("impact").asText()) || "critical".equals(violation.path("impact").asText())) {
          serious.add(line);
        }
      }
      Files.writeString(AXE_REPORT, name + " / " + step + " (" + path() + "): " + lines.size() + " violation(s)\n"
              + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return serious;
  }

  private static synchronized int nextShot() {
    return ++shots;
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe-core copied from node_modules by the build (npm ci)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException ignored) {
        // A leftover temporary profile is harmless.
      }
    }
  }
}
