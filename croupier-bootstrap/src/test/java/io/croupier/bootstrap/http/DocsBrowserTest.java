package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /docs} and ReDoc at {@code /redoc} in Debian's headless Chromium, against a
 * server on 127.0.0.1. Screenshots go to {@code target/screenshots}. The browser must load nothing
 * from another host and log no error, such as a blocked script. The test installs nothing; where
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing it is skipped.
 */
@EnabledIf(
    value = "browserInstalled",
    disabledReason =
        "/usr/bin/chromium or /usr/bin/chromedriver is missing; on Debian, install the chromium"
            + " and chromium-driver packages to run this test")
class DocsBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Row of the response that "Try it out" received, below the header row of the same table. */
  private static final String RESPONSE_ROW = ".live-responses-table tr.response";

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  @TempDir static Path profile;

  private static ChromeDriver browser;
  private static String baseUrl;

  static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @BeforeAll
  static void startBrowser() {
    baseUrl = server.baseUri().toString();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1400,1200");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void swaggerUiListsEveryEndpointAndTriesHealth() throws IOException {
    // given
    Set<String> documented = documentedOperations();
    WebDriverWait wait = new WebDriverWait(browser, PAGE_TIMEOUT);

    // when
    browser.get(baseUrl + "/docs");
    wait.until(
        driver -> driver.findElements(By.cssSelector(".opblock")).size() >= documented.size());
    Set<String> listed = listedOperations();
    saveScreenshot("swagger-ui.png");
    WebElement health = browser.findElement(By.id("operations-Health-health"));
    health.findElement(By.cssSelector(".opblock-summary-control")).click();
    // The buttons are rendered after the click above, so each wait looks them up anew.
    wait.until(driver -> displayedIn(health, ".try-out__btn")).click();
    wait.until(driver -> displayedIn(health, ".execute")).click();
    WebElement status =
        wait.until(
            driver ->
                health.findElements(By.cssSelector(RESPONSE_ROW + " .response-col_status")).stream()
                    .findFirst()
                    .orElse(null));
    String responseBody =
        health.findElement(By.cssSelector(RESPONSE_ROW + " .response-col_description")).getText();
    browser.executeScript("arguments[0].scrollIntoView()", status);
    saveScreenshot("swagger-ui-health-tried.png");

    // then
    assertThat(listed).as("operations listed by Swagger UI").isEqualTo(documented);
    assertThat(status.getText().strip()).isEqualTo("200");
    assertThat(responseBody).contains("healthy");
    assertLoadedOnlyFromServer();
    assertNoBrowserErrors();
  }

  @Test
  void redocShowsEveryOperation() throws IOException {
    // given
    JsonNode document = server.get("/openapi.json").json();
    List<String> summaries = new ArrayList<>();
    document
        .get("paths")
        .forEach(path -> path.forEach(op -> summaries.add(op.get("summary").asText())));
    WebDriverWait wait = new WebDriverWait(browser, PAGE_TIMEOUT);

    // when
    browser.get(baseUrl + "/redoc");
    wait.until(driver -> driver.findElements(By.cssSelector("h2")).size() >= summaries.size());
    String page = browser.findElement(By.tagName("body")).getText();
    saveScreenshot("redoc.png");

    // then
    for (String summary : summaries) {
      assertThat(page).as("ReDoc page").contains(summary);
    }
    assertLoadedOnlyFromServer();
    assertNoBrowserErrors();
  }

  private static Set<String> documentedOperations() {
    JsonNode paths = server.get("/openapi.json").json().get("paths");
    Set<String> operations = new TreeSet<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  private static Set<String> listedOperations() {
    Set<String> listed = new TreeSet<>();
    for (WebElement block : browser.findElements(By.cssSelector(".opblock"))) {
      String method = block.findElement(By.cssSelector(".opblock-summary-method")).getText();
      String path =
          block.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path");
      listed.add(method.strip().toUpperCase(Locale.ROOT) + " " + path);
    }
    return listed;
  }

  /**
   * Checks that every network request the browser sent since the last check went to the test
   * server. Requests for data:, blob: and the browser's own chrome: pages use no network.
   */
  private static void assertLoadedOnlyFromServer() throws IOException {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.at("/params/request/url").asText());
      }
    }
    assertThat(urls)
        .as("requests to the test server")
        .anyMatch(url -> url.startsWith(baseUrl + "/"));
    for (String url : urls) {
      if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("chrome:")) {
        continue;
      }
      assertThat(url).as("request sent by the browser").startsWith(baseUrl + "/");
    }
  }

  private static void assertNoBrowserErrors() {
    List<String> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  private static void saveScreenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
  }

  /** Returns the first displayed element under the parent that matches the selector, or null. */
  private static WebElement displayedIn(WebElement parent, String cssSelector) {
    return parent.findElements(By.cssSelector(cssSelector)).stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElse(null);
  }
}
