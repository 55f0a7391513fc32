package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The day filters of the events and texts pages speak the page's language, not the browser's (the
 * browser runs with --lang=en-GB): a Russian page shows and reads ДД.ММ.ГГГГ, an English one ISO; a
 * typed range filters the list exactly as the API's from/to does and the URL keeps ISO; a day that
 * cannot be read, or does not exist, or comes after the last day, shows a message in the page's
 * language and changes nothing. Screenshots: target/browser-screenshots/dates-*.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DateFilterBrowserTest {
  private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static BrowserFixture.Shared fx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    browser = fx.browser;
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void eventsPage_dayFilters_inThePagesLanguage_filterAsTheApi(String lang) {
    boolean ru = lang.equals("ru");
    fx.login("kaz.analyst", lang);
    fx.open("#/events");
    WebElement from = browser.find("#ev-from");
    assertThat(from.getAttribute("type")).isEqualTo("text");
    assertThat(from.getAttribute("placeholder")).isEqualTo(ru ? "ДД.ММ.ГГГГ" : "YYYY-MM-DD");
    assertThat(browser.find("#ev-to").getAttribute("placeholder"))
        .isEqualTo(from.getAttribute("placeholder"));

    // A range inside the demo's events, chosen from what the reader may read.
    List<?> all = (List<?>) apiGet("/api/events?order=newest&limit=60").get("items");
    assertThat(all).hasSizeGreaterThan(20);
    LocalDate last = LocalDate.parse((String) ((Map<?, ?>) all.get(5)).get("date"));
    LocalDate first = LocalDate.parse((String) ((Map<?, ?>) all.get(all.size() - 5)).get("date"));
    type("#ev-from", show(first, ru));
    type("#ev-to", show(last, ru));
    submit("#ev-to");
    browser.await(
        BrowserFixture.WAIT,
        "the filtered events",
        d -> d.getCurrentUrl().contains("from=" + first + "&to=" + last));
    awaitNewPage();

    Map<?, ?> api = apiGet("/api/events?order=newest&limit=25&from=" + first + "&to=" + last);
    List<?> items = (List<?>) api.get("items");
    assertThat(((Number) api.get("total")).intValue()).isGreaterThan(0);
    List<String> shownDates =
        browser
            .driver()
            .findElements(By.cssSelector("#event-table tbody tr td:first-child"))
            .stream()
            .map(WebElement::getText)
            .toList();
    // A day never breaks across lines: its spaces are no-break spaces.
    List<String> expectedDates = formatted(items, "date");
    assertThat(expectedDates).allSatisfy(d -> assertThat(d).doesNotContain(" "));
    assertThat(shownDates.stream().map(d -> d.replace('\u00a0', ' ')).toList())
        .containsExactlyElementsOf(
            expectedDates.stream().map(d -> d.replace('\u00a0', ' ')).toList());
    List<Number> rowHeights = rowHeights();
    assertThat(rowHeights)
        .as("one line per date cell")
        .allSatisfy(h -> assertThat(h.doubleValue()).isLessThan(30));
    assertThat(browser.find("#ev-from").getAttribute("value")).isEqualTo(show(first, ru));
    assertThat(browser.find("#ev-to").getAttribute("value")).isEqualTo(show(last, ru));
    browser.screenshot("dates-events-" + lang);

    // A day that does not exist, then one in another format: a message, the same URL.
    String url = browser.driver().getCurrentUrl();
    type("#ev-from", ru ? "31.02.2025" : "2025-02-31");
    submit("#ev-from");
    assertThat(message("ev"))
        .isEqualTo(
            ru
                ? "Дня 31.02.2025 не существует: проверьте день и месяц."
                : "There is no such day as 2025-02-31: check the day and the month.");
    assertThat(browser.find("#ev-from").getAttribute("aria-invalid")).isEqualTo("true");
    type("#ev-from", "03/15/2025");
    submit("#ev-from");
    assertThat(message("ev"))
        .isEqualTo(
            ru
                ? "«03/15/2025» не читается как дата: введите её в виде ДД.ММ.ГГГГ, например 15.03.2026."
                : "“03/15/2025” cannot be read as a day: type it as YYYY-MM-DD, e.g. 2026-03-15.");
    browser.screenshot("dates-events-" + lang + "-bad");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(url);
    // The first day after the last: said, not sent.
    type("#ev-from", show(last.plusDays(1), ru));
    submit("#ev-from");
    assertThat(message("ev")).contains(show(last.plusDays(1), ru)).contains(show(last, ru));
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(url);
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void textsPage_dayFilter_countsAsTheApi_andKeepsIsoInTheUrl(String lang) {
    boolean ru = lang.equals("ru");
    fx.login("kaz.analyst", lang);
    fx.open("#/texts");
    assertThat(browser.find("#tx-from").getAttribute("placeholder"))
        .isEqualTo(ru ? "ДД.ММ.ГГГГ" : "YYYY-MM-DD");
    Map<?, ?> everything = apiGet("/api/texts?limit=40");
    List<?> docs = (List<?>) everything.get("items");
    assertThat(docs).hasSizeGreaterThan(10);
    LocalDate from =
        docs.stream()
            .map(d -> LocalDate.parse(((String) ((Map<?, ?>) d).get("published")).substring(0, 10)))
            .sorted()
            .toList()
            .get(docs.size() / 2);
    type("#tx-from", show(from, ru));
    submit("#tx-from");
    browser.await(
        BrowserFixture.WAIT, "the filtered texts", d -> d.getCurrentUrl().contains("from=" + from));
    awaitNewPage();

    Map<?, ?> api = apiGet("/api/texts?limit=20&from=" + from);
    int total = ((Number) api.get("total")).intValue();
    assertThat(total).isGreaterThan(0).isLessThan(((Number) everything.get("total")).intValue());
    assertThat(browser.find("#text-results [role='status']").getText())
        .contains(String.valueOf(total));
    List<String> titles =
        browser.driver().findElements(By.cssSelector("#text-results a.hit-title")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles).hasSize(((List<?>) api.get("items")).size());
    assertThat(browser.find("#tx-from").getAttribute("value")).isEqualTo(show(from, ru));
    browser.screenshot("dates-texts-" + lang);

    type("#tx-to", ru ? "2025-13-01" : "1.2.2025");
    submit("#tx-to");
    assertThat(message("tx")).contains(ru ? "не" : "cannot be read as a day");
  }

  /** The height in pixels of each date cell's text (one line of text is about 20 px). */
  @SuppressWarnings("unchecked")
  private static List<Number> rowHeights() {
    return (List<Number>)
        browser.script(
            "return [...document.querySelectorAll('#event-table tbody tr td:first-child')].map(td =>"
                + " { const r = document.createRange(); r.selectNodeContents(td);"
                + " return r.getBoundingClientRect().height; });");
  }

  private static String show(LocalDate d, boolean ru) {
    return ru ? d.format(RU) : d.toString();
  }

  private static void type(String css, String text) {
    WebElement el = browser.find(css);
    el.clear();
    el.sendKeys(text);
  }

  /** Presses Enter in a field of the form: the form's submit, as a reader does. */
  private static void submit(String css) {
    browser.script("document.querySelector('.page').dataset.old = 'true';");
    browser.find(css).sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  private static void awaitNewPage() {
    browser.awaitVisible(".page[data-complete='true']:not([data-old])", BrowserFixture.WAIT);
  }

  private static String message(String prefix) {
    WebElement m = browser.awaitVisible("#" + prefix + "-date-error", BrowserFixture.WAIT);
    return m.getText();
  }

  /** The given date field of each item, formatted by the page's own i18n module. */
  @SuppressWarnings("unchecked")
  private static List<String> formatted(List<?> items, String field) {
    List<String> dates = items.stream().map(i -> (String) ((Map<?, ?>) i).get(field)).toList();
    browser.driver().manage().timeouts().scriptTimeout(BrowserFixture.WAIT);
    return (List<String>)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " import('/js/i18n.js').then(m => done(arguments[0].map(d => m.date(d))),"
                    + " e => done(String(e)));",
                dates);
  }

  /** GET of the API in the browser's session (the reader's own rights). */
  private static Map<?, ?> apiGet(String path) {
    browser.driver().manage().timeouts().scriptTimeout(BrowserFixture.WAIT);
    Object r =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                    + ".then(r => r.json()).then(done, e => done(String(e)));",
                path);
    assertThat(r).as(path).isInstanceOf(Map.class);
    return (Map<?, ?>) r;
  }
}
