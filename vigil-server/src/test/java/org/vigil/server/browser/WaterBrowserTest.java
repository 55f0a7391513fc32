package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.vigil.app.water.DemoBasin;
import org.vigil.app.water.DemoBasinNames;
import org.vigil.app.water.WaterService;

/**
 * The water page (issue 12) in a real Chromium over the demo, in English and Russian: the Syr
 * Darya's schematic has every node of the basin (named in the page's language), a dry scenario run
 * from the form draws per-state allocation and shortfall series equal to the API's numbers, its
 * reliefs are worded in the page's language, a second (wet) run and the first side by side show
 * both runs; a run the reader may not read says so and shows no data; a viewer gets no form.
 * Screenshots at 1280 px: target/browser-screenshots/water-*.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class WaterBrowserTest {
  private static BrowserFixture.Shared fx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    browser = fx.browser;
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void waterPage_runsAndComparesScenarios_withTheApisNumbers(String lang) {
    fx.login("kaz.analyst", lang);
    fx.open("#/water?basin=SYR_DARYA");

    DemoBasin syr = new WaterService(fx.vigil).basin("SYR_DARYA");
    List<String> nodes = nodeNames(syr);
    assertThat(mapData("id")).containsExactlyInAnyOrderElementsOf(nodes);
    List<String> shown = mapData("name");
    for (String n : nodes) {
      String expected = lang.equals("ru") ? DemoBasinNames.russian(n).orElseThrow() : n;
      assertThat(shown).as("node %s in %s", n, lang).contains(expected);
    }
    assertThat(browser.find("#water-synthetic").getText()).contains("◆");
    // The first month is named in the page's language (the browser's month picker was not).
    String nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
    Select start = new Select(browser.find("#water-start"));
    assertThat(start.getFirstSelectedOption().getAttribute("value")).isEqualTo(nextMonth);
    assertThat(start.getFirstSelectedOption().getText())
        .matches(lang.equals("ru") ? "^[а-я]+ \\d{4}( г\\.)?$" : "^[A-Z][a-z]+ \\d{4}$");

    long dry = runFromForm("dry", "max-min");
    Map<?, ?> run = apiGet("/api/water/runs/" + dry);
    Map<?, ?> result = (Map<?, ?>) run.get("result");
    assertThat(result.get("status")).isEqualTo("OPTIMAL");
    List<?> stateMonths = (List<?>) result.get("states");
    List<String> states = new ArrayList<>();
    for (Object o : stateMonths) {
      String s = (String) ((Map<?, ?>) o).get("state");
      if (!states.contains(s)) {
        states.add(s);
      }
    }
    assertThat(states).containsExactlyInAnyOrder("KAZ", "KGZ", "TJK", "UZB");
    for (String s : states) {
      assertThat(series("water-shortfall", "shortfall-" + s))
          .as("shortfall of %s", s)
          .containsExactlyElementsOf(monthly(stateMonths, s, "shortfall"));
      assertThat(series("water-allocation", "delivered-" + s))
          .as("delivered to %s", s)
          .containsExactlyElementsOf(monthly(stateMonths, s, "delivered"));
      assertThat(series("water-allocation", "demand-" + s))
          .as("demand of %s", s)
          .containsExactlyElementsOf(monthly(stateMonths, s, "demand"));
    }
    String scenario = browser.find("#water-scenario").getText();
    assertThat(scenario).contains(lang.equals("ru") ? "квантиль 10" : "10% quantile");
    List<?> reliefs = (List<?>) result.get("reliefs");
    if (!reliefs.isEmpty()) {
      String firstRelief = browser.find("#water-reliefs li.water-relief").getText();
      assertThat(firstRelief)
          .as("a relief in the page's language")
          .containsPattern(
              lang.equals("ru") ? "^(Снижение|Увеличение) на" : "^(Lowering|Raising) the");
      assertThat(browser.driver().findElements(By.cssSelector("#water-binding li"))).isNotEmpty();
    }
    shoot("water-" + lang + "-run");

    long wet = runFromForm("wet", "max-min");
    browser.find("#water-cmp-" + dry).click();
    browser.find("#water-cmp-" + wet).click();
    browser.find("#water-compare-button").click();
    browser.awaitVisible(".page[data-complete='true'] #water-compare-table", BrowserFixture.WAIT);
    assertThat(browser.driver().getCurrentUrl()).endsWith("compare=" + dry + "," + wet);
    String headers = browser.find("#water-compare-table thead").getText();
    String sign = lang.equals("ru") ? "№" : "#";
    assertThat(headers).contains(sign + dry, sign + wet);
    assertThat(browser.driver().findElements(By.cssSelector("#water-compare-table tbody tr")))
        .hasSize(4);
    for (String s : states) {
      assertThat(series("water-compare-chart", "cmp-" + dry + "-" + s))
          .containsExactlyElementsOf(monthly(stateMonths, s, "shortfall"));
      assertThat(series("water-compare-chart", "cmp-" + wet + "-" + s)).hasSize(12);
    }
    browser.script("document.getElementById('water-compare').scrollIntoView();");
    shoot("water-" + lang + "-compare");
  }

  @Test
  void runTheReaderMayNotRead_saysSo_andShowsNoData() {
    fx.login("kaz.analyst", "en");
    fx.open("#/water?run=987654321");
    String text = browser.find("#water-run").getText();
    assertThat(text).contains("Not found: it does not exist or you may not see it.");
    assertThat(browser.driver().findElements(By.id("water-allocation"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("water-totals"))).isEmpty();
  }

  @Test
  void viewer_getsNoScenarioForm_butTheBasin() {
    fx.login("arm.viewer", "en");
    fx.open("#/water");
    assertThat(browser.driver().findElements(By.id("water-form"))).isEmpty();
    assertThat(browser.find("#water-cannot-run").getText()).contains("may not run scenarios");
    assertThat(mapData("id")).contains("Toktogul", "North Aral Sea");
  }

  /** Fills the form, runs it, waits for the stored run's page; returns the run's id. */
  private static long runFromForm(String scenario, String fairness) {
    browser.driver().get(fx.url("#/water?basin=SYR_DARYA"));
    browser.driver().navigate().refresh();
    browser.awaitVisible(".page[data-page='water'][data-complete='true']", BrowserFixture.WAIT);
    new Select(browser.find("#water-scenario")).selectByValue(scenario);
    new Select(browser.find("#water-fairness")).selectByValue(fairness);
    // The form's default; the list spans two years either side of it.
    new Select(browser.find("#water-start"))
        .selectByValue(YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString());
    String before = browser.driver().getCurrentUrl();
    browser.find("#water-run-button").click();
    browser.await(
        BrowserFixture.WAIT,
        "the " + scenario + " run",
        d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("run="));
    long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*run=(\\d+).*", "$1"));
    browser.await(
        BrowserFixture.WAIT,
        "run " + id + " on the page",
        d ->
            d.findElements(By.cssSelector(".page[data-complete='true'] #water-run h2")).stream()
                .anyMatch(h -> h.getText().matches(".*[#№]" + id + "\\b.*")));
    browser.awaitVisible("#water-shortfall", BrowserFixture.WAIT);
    return id;
  }

  private static List<String> nodeNames(DemoBasin b) {
    List<String> out = new ArrayList<>();
    b.sources().forEach(s -> out.add(s.name()));
    b.reservoirs().forEach(r -> out.add(r.name()));
    b.withdrawals().forEach(w -> out.add(w.name()));
    out.add(b.envFlow().name());
    out.addAll(b.outlets());
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> mapData(String field) {
    return (List<String>)
        browser.script(
            "return echarts.getInstanceByDom(document.getElementById('water-map'))"
                + ".getOption().series[0].data.map(d => d[arguments[0]]);",
            field);
  }

  /** A chart series' values as numbers. */
  private static List<Double> series(String chart, String id) {
    List<?> raw =
        (List<?>)
            browser.script(
                "const s = echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                    + ".getOption().series.find(x => x.id === arguments[1]);"
                    + " return s ? s.data : null;",
                chart,
                id);
    assertThat(raw).as("series %s of %s", id, chart).isNotNull();
    return raw.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  /** One state's monthly values from the API's result, month by month. */
  private static List<Double> monthly(List<?> stateMonths, String state, String field) {
    return stateMonths.stream()
        .map(o -> (Map<?, ?>) o)
        .filter(m -> state.equals(m.get("state")))
        .sorted(java.util.Comparator.comparingInt(m -> ((Number) m.get("month")).intValue()))
        .map(m -> ((Number) m.get(field)).doubleValue())
        .toList();
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

  /** A screenshot of the whole page at 1280 px, then the window as it was. */
  private static void shoot(String name) {
    var window = browser.driver().manage().window();
    Dimension before = window.getSize();
    Number height = (Number) browser.script("return document.documentElement.scrollHeight;");
    window.setSize(new Dimension(1280, Math.min(6000, height.intValue() + 140)));
    long inner = ((Number) browser.script("return window.innerWidth;")).longValue();
    if (inner != 1280) {
      window.setSize(new Dimension((int) (2 * 1280 - inner), height.intValue() + 140));
    }
    browser.script("window.scrollTo(0, 0);");
    browser.screenshot(name);
    window.setSize(before);
  }
}
