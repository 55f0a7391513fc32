package org.vigil.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its matching chromedriver (the flags that work as root in
 * a container are in STACK-NOTES.md). Screenshots go to target/browser-screenshots.
 */
final class Browser implements AutoCloseable {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static boolean available() {
    return CHROMIUM.canExecute() && DRIVER.canExecute();
  }

  static Browser start() throws IOException {
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile = Files.createTempDirectory("vigil-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebDriver driver() {
    return driver;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    return await(timeout, "the page", condition);
  }

  /**
   * Waits for a condition; fails at once, naming what it waited for, when the browser is sent back
   * to the login form (the session is gone: waiting longer cannot help).
   */
  <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout)
        .withMessage(
            () ->
                "Waited "
                    + timeout.toSeconds()
                    + " s for "
                    + what
                    + " at "
                    + driver.getCurrentUrl()
                    + "; see target/browser-screenshots")
        .until(
            d -> {
              if (!what.contains("login") && loginFormShown(d)) {
                throw new IllegalStateException(
                    "While waiting for "
                        + what
                        + " the browser was sent back to the login form at "
                        + d.getCurrentUrl()
                        + ": the session was lost");
              }
              return condition.apply(d);
            });
  }

  private static boolean loginFormShown(WebDriver d) {
    return d.findElements(By.id("login-form")).stream().anyMatch(WebElement::isDisplayed);
  }

  WebElement awaitVisible(String css, Duration timeout) {
    return await(
        timeout,
        "'" + css + "'",
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path to = SCREENSHOTS.resolve(name + ".png");
      Files.write(to, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
