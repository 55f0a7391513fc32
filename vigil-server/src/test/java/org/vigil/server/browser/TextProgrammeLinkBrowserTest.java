package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.model.DemoSource;
import org.vigil.model.i18n.Translations;

/**
 * A programme named in a text links to the programme's page: search the demo corpus for the crime
 * programme's code, open a hit, follow the mention from the extraction table to the registry. The
 * demo corpus's texts, and the demo's events and documents, are marked synthetic and name their
 * source in the page's language.
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

  /**
   * The demo corpus's texts show the localized synthetic mark and their source's label, never the
   * stored English source string: on the list, on one text and on the events page (events and
   * documents of the demo generator).
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void demoTexts_markedSynthetic_sourceInThePagesLanguage(String lang) {
    String mark = Translations.text(lang, "synthetic");
    String corpus = Translations.text(lang, DemoSource.CORPUS.labelKey());
    fx.login("kaz.analyst", lang);
    fx.open("#/texts");
    List<WebElement> hits =
        fx.browser.driver().findElements(By.cssSelector("#text-results li.hit"));
    assertThat(hits).isNotEmpty();
    for (WebElement hit : hits) {
      assertThat(hit.findElement(By.cssSelector(".synthetic")).getText()).isEqualTo(mark);
      assertThat(hit.getText()).contains(corpus);
    }
    String page = fx.browser.find("main").getText();
    assertThat(page).doesNotContain(DemoSource.CORPUS.text());
    fx.browser.screenshot("texts-synthetic-" + lang);

    hits.get(0).findElement(By.cssSelector("a.hit-title")).click();
    WebElement meta = fx.browser.awaitVisible("#tx-meta", BrowserFixture.WAIT);
    assertThat(meta.findElement(By.cssSelector(".synthetic")).getText()).isEqualTo(mark);
    assertThat(meta.getText()).contains(corpus).doesNotContain(DemoSource.CORPUS.text());

    fx.open("#/events");
    List<WebElement> marked =
        fx.browser.driver().findElements(By.cssSelector("#event-table tbody td .synthetic"));
    assertThat(marked).isNotEmpty().allSatisfy(m -> assertThat(m.getText()).isEqualTo(mark));
    String docs = fx.browser.find("#document-list").getText();
    assertThat(docs)
        .contains(mark)
        .containsAnyOf(corpus, Translations.text(lang, DemoSource.GENERATOR.labelKey()))
        .doesNotContain(DemoSource.GENERATOR.text())
        .doesNotContain(DemoSource.CORPUS.text());
    if (lang.equals("ru")) {
      assertThat(fx.browser.find("main").getText())
          .as("no English source string on a Russian page")
          .doesNotContain(DemoSource.GENERATOR.text())
          .doesNotContain(DemoSource.CORPUS.text());
    }
    fx.browser.screenshot("events-synthetic-" + lang);
  }
}
