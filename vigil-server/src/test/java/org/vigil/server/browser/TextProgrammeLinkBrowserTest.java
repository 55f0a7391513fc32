package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A programme named in a text links to the programme's page: search the demo corpus for the crime
 * programme's code, open a hit, follow the mention from the extraction table to the registry.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TextProgrammeLinkBrowserTest {
  private static final String CODE = "CIS-CRIME-2024-2028";
  private static BrowserFixture.Shared fx;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void programmeMention_linksToTheProgrammesPage(String lang) {
    fx.login("secretariat.analyst", lang);
    fx.open("#/texts?q=" + CODE);
    fx.browser.awaitVisible("#text-results a.hit-title", BrowserFixture.WAIT).click();
    fx.browser.awaitVisible("#extraction-table", BrowserFixture.WAIT);
    WebElement marked = fx.browser.find("#doc-text mark.ent-programme a.programme-link");
    assertThat(marked.getText()).isEqualTo(CODE);
    WebElement link = fx.browser.find("#extraction-table a.programme-link");
    assertThat(link.getText()).isEqualTo(CODE);
    fx.browser.screenshot("text-programme-link-" + lang);

    link.click();
    fx.browser.awaitVisible(
        ".page[data-page='programmes'][data-complete='true']", BrowserFixture.WAIT);
    assertThat(fx.browser.driver().getCurrentUrl()).endsWith("#/programmes?code=" + CODE);
    assertThat(fx.browser.driver().findElement(By.cssSelector("a[aria-current='true']")).getText())
        .isEqualTo(CODE);
  }
}
