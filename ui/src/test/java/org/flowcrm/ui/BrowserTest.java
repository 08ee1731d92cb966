package org.flowcrm.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the browser tests: the ui pages served by {@link UiTestApplication} on a random port and
 * a real headless Chromium driven by Selenium. Debian's {@code chromium} and {@code
 * chromium-driver} are used, with the driver path given explicitly (no Selenium Manager, no
 * download); {@code -Dflowcrm.chromium} and {@code -Dflowcrm.chromedriver} point elsewhere.
 */
@SpringBootTest(classes = UiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("flowcrm.chromedriver", "/usr/bin/chromedriver"));
  public static final Path CHROMIUM =
      Path.of(System.getProperty("flowcrm.chromium", "/usr/bin/chromium"));
  public static final Dimension LAPTOP = new Dimension(1366, 860);
  public static final Dimension PHONE = new Dimension(375, 740);

  @LocalServerPort protected int port;
  @Autowired protected RecordingProcessDeployments deployments;
  @Autowired private UserDetailsService userDetails;

  protected ChromeDriver browser;

  private static ChromeDriver shared;

  /**
   * One browser for all test classes of the run (starting Chromium costs seconds on two cores);
   * each test starts from a clean state: no cookies, laptop size. It quits when the JVM ends.
   */
  private static synchronized ChromeDriver sharedBrowser() throws IOException {
    if (shared == null) {
      Path userDataDir = Files.createTempDirectory("flowcrm-chromium-");
      shared = start(userDataDir);
      ChromeDriver started = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.quit();
                    FileSystemUtils.deleteRecursively(userDataDir.toFile());
                  }));
    }
    return shared;
  }

  private static ChromeDriver start(Path userDataDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-US",
        "--window-size=" + LAPTOP.width + "," + LAPTOP.height,
        "--user-data-dir=" + userDataDir);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /**
   * Fixtures that tests create through the CRM services are created by the administrator: the
   * services check permissions like for anyone (the browser signs in on its own).
   */
  @BeforeEach
  void fixturesAsAdministrator() {
    UserDetails admin = userDetails.loadUserByUsername(SignedInHttp.ADMIN);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
  }

  @AfterEach
  void clearFixtureUser() {
    SecurityContextHolder.clearContext();
  }

  @BeforeEach
  void cleanBrowser() throws IOException {
    deployments.reset();
    browser = sharedBrowser();
    browser.manage().window().setSize(LAPTOP);
    open("/favicon.svg");
    browser.manage().deleteAllCookies();
    consoleErrors();
    if (signInFirst()) {
      signIn(SignedInHttp.ADMIN, SignedInHttp.ADMIN_PASSWORD);
      try {
        waitFor(By.cssSelector(".user-menu"));
      } catch (TimeoutException notSignedIn) {
        // Seen once in CI: the fixture sign-in before a test did not land on a signed-in page
        // (cause not found yet; the tests' own sign-ins never failed). One more try keeps a
        // fixture hiccup from failing the test; a real sign-in failure fails both.
        signIn(SignedInHttp.ADMIN, SignedInHttp.ADMIN_PASSWORD);
        waitFor(By.cssSelector(".user-menu"));
      }
      // what the fixture sign-in logged (the refused first try above) is not the test's error
      consoleErrors();
    }
  }

  /** Whether each test starts signed in as the administrator (the login tests start signed out). */
  protected boolean signInFirst() {
    return true;
  }

  /** Signs in through the login page, as a user would. */
  protected void signIn(String user, String password) {
    open("/login");
    WebElement name = waitFor(By.id("username"));
    name.clear();
    name.sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector(".signin-form button[type=submit]")).click();
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected void open(String path) {
    browser.get(url(path));
  }

  protected WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  protected WebElement waitFor(By locator) {
    return waitUpTo(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  protected Object script(String script, Object... args) {
    return browser.executeScript(script, args);
  }

  /** Errors the page logged to the console since the last call (e.g. a failed import). */
  protected List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
