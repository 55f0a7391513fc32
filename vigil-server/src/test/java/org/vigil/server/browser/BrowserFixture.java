package org.vigil.server.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.demo.DemoData;
import org.vigil.server.ServerConfig;
import org.vigil.server.VigilServer;

/**
 * The one fixture of every browser test: the demo loaded once into an in-memory store with its
 * analytic run published (as {@code ./vigil demo} leaves it), a real server over it (demo mode, so
 * the demo logins work with their published password) and one headless Chromium, shared by all
 * browser test classes of a run and closed when the run ends. Each class declares
 * {@code @ExtendWith(BrowserFixture.class)} and reads {@link #shared()}; a failing test leaves a
 * screenshot named after it. Skipped (not failed) when Chromium or chromedriver is missing, as on a
 * developer machine without them; CI installs both.
 */
final class BrowserFixture implements BeforeAllCallback, TestWatcher {
  /** How long any one page may take to render on a busy two-core build machine. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private static Shared shared;

  /** The running demo, server and browser (after the extension's {@code beforeAll}). */
  static Shared shared() {
    if (shared == null) {
      throw new IllegalStateException(
          "Declare @ExtendWith(BrowserFixture.class) on the test class");
    }
    return shared;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if ("1".equals(System.getenv("VIGIL_REQUIRE_BROWSER")) && !Browser.available()) {
      throw new IllegalStateException(
          "VIGIL_REQUIRE_BROWSER=1 but Chromium or chromedriver is missing in /usr/bin: install"
              + " Debian's chromium and chromium-driver (.ci/run does)");
    }
    assumeTrue(Browser.available(), "Chromium or chromedriver is not installed in /usr/bin");
    synchronized (BrowserFixture.class) {
      if (shared == null) {
        // Kept in the root store: JUnit closes it once, after the last test class of the run.
        shared =
            context
                .getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
      }
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (shared != null) {
      System.out.println(
          "Screenshot of the failure: "
              + shared.browser.screenshot(
                  "FAILED-"
                      + context.getRequiredTestClass().getSimpleName()
                      + "-"
                      + context.getRequiredTestMethod().getName()
                      + "-"
                      + Math.abs(context.getDisplayName().hashCode())));
    }
  }

  /** The demo store, its server and the browser. */
  static final class Shared implements AutoCloseable {
    final Vigil vigil;
    final VigilServer server;
    final Browser browser;

    private Shared(Vigil vigil, VigilServer server, Browser browser) {
      this.vigil = vigil;
      this.server = server;
      this.browser = browser;
    }

    private static Shared start() {
      long t0 = System.nanoTime();
      Vigil vigil = Vigil.open(VigilConfig.h2InMemory("browser-tests"));
      VigilServer server = null;
      try {
        DemoData.load(vigil);
        // As `./vigil demo` does: the analytic run publishes what every page reads.
        new AnalyticRunner(vigil).run("demo", true, AnalyticRunner.Progress.NONE);
        server =
            VigilServer.start(
                vigil, ServerConfig.builder().port(0).requestsPerMinute(0).demo(true).build());
        Browser browser = Browser.start();
        System.out.printf(
            "Browser fixture: demo, server and Chromium ready in %d ms%n",
            (System.nanoTime() - t0) / 1_000_000);
        return new Shared(vigil, server, browser);
      } catch (Exception | Error e) {
        if (server != null) {
          server.stop();
        }
        vigil.close();
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }

    String url(String hash) {
      return "http://127.0.0.1:" + server.port() + "/" + hash;
    }

    /**
     * Logs {@code user} in with the demo password in {@code lang} ("en" or "ru") from a clean state
     * (no session cookie), and waits for the first page to render.
     */
    void login(String user, String lang) {
      browser.driver().get(url("#/login"));
      browser.driver().manage().deleteAllCookies();
      browser.script("localStorage.setItem('vigil.lang', arguments[0]);", lang);
      browser.driver().navigate().refresh();
      browser.awaitVisible("#login-user", WAIT).sendKeys(user);
      browser.find("#login-password").sendKeys(DemoData.PASSWORD);
      browser.find("#login-submit").click();
      browser.await(
          WAIT, "the login of " + user, d -> d.findElements(By.id("login-form")).isEmpty());
      browser.awaitVisible(".page[data-rendered='true']", WAIT);
    }

    /** Opens a page (hash route) and waits until all its panels have answered. */
    void open(String hash) {
      browser.driver().get(url(hash));
      String page = hash.replaceAll("^#/", "").replaceAll("[/?].*", "");
      browser.awaitVisible(".page[data-page='" + page + "'][data-complete='true']", WAIT);
    }

    @Override
    public void close() {
      try {
        browser.close();
      } finally {
        try {
          server.stop();
        } finally {
          vigil.close();
        }
      }
    }
  }
}
