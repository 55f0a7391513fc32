package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vigil.analytics.risk.Methodology;
import org.vigil.analytics.risk.RiskSpec;
import org.vigil.app.analytics.RiskService;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoUser;
import org.vigil.model.AccessContext;

/**
 * One number for everyone, on the page (issue 10): the composite a page shows is the one the
 * analytic run published, the same the CLI and the API give the same reader (read here through
 * {@link RiskService#composites}, what the CLI prints), never one the page averaged itself; and the
 * page says what it covers (states, methodology, data vintage, run; domains per composite) in
 * English and Russian.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PublishedRiskBrowserTest {
  private static final Duration WAIT = BrowserFixture.WAIT;
  private static BrowserFixture.Shared fx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    browser = fx.browser;
  }

  /**
   * The reader's published composites now (area to score), as the CLI's risk command reads them.
   */
  private static Map<String, Double> published(String username, int horizon) {
    Map<String, Double> out = new HashMap<>();
    compositesNow(username, horizon).forEach((a, c) -> out.put(a, c.composite().score()));
    return out;
  }

  /** The reader's published composites now, with the fuller figure where the reader has one. */
  private static Map<String, RiskService.StateComposite> compositesNow(
      String username, int horizon) {
    DemoUser u =
        DemoData.users().stream()
            .filter(x -> x.username().equals(username))
            .findFirst()
            .orElseThrow();
    AccessContext ctx = AccessContext.of(u.username(), u.organisation(), u.role());
    RiskService.RiskRun run =
        new RiskService(fx.vigil)
            .risk(
                ctx,
                new RiskService.RiskRequest(
                    Methodology.vigilDefault(),
                    Optional.empty(),
                    List.of(horizon),
                    RiskSpec.DEFAULT));
    assertThat(run.coverage().runId()).as("the fixture publishes a run").isPositive();
    Map<String, RiskService.StateComposite> out = new HashMap<>();
    for (RiskService.StateComposite c : RiskService.composites(run)) {
      if (c.horizon() == 0 && c.period().equals(run.period())) {
        out.put(c.area(), c);
      }
    }
    return out;
  }

  @Test
  void dashboard_ownComposite_isTheOneAnotherMemberSees_theFullerFigureLabelled() {
    double othersSee = published("rus.viewer", 1).get("KAZ");
    RiskService.StateComposite own = compositesNow("kaz.analyst", 1).get("KAZ");
    assertThat(own.composite().score()).isCloseTo(othersSee, within(1e-9));
    assertThat(own.withRestricted())
        .as("the demo keeps some of Kazakhstan's domains national")
        .isPresent();
    fx.login("kaz.analyst", "en");
    fx.open("#/dashboard");
    WebElement score = browser.awaitVisible("#own-risk-score", WAIT);
    assertThat(Double.parseDouble(score.getAttribute("data-score")))
        .isCloseTo(othersSee, within(1e-9));
    WebElement fuller = browser.awaitVisible("#own-risk .with-restricted", WAIT);
    assertThat(Double.parseDouble(fuller.getAttribute("data-score")))
        .isCloseTo(own.withRestricted().orElseThrow().score(), within(1e-9));
    assertThat(fuller.getText())
        .startsWith("Including domains not shared with every member: ")
        .contains(own.withRestricted().orElseThrow().domains() + " of 11 domains");
    browser.screenshot("dashboard-fuller-en");
    new Select(browser.find("#lang")).selectByValue("ru");
    browser.await(
        WAIT,
        "the Russian note on the fuller figure",
        d ->
            d.findElement(By.cssSelector("#own-risk .with-restricted"))
                .getText()
                .startsWith("С учётом сфер, доступных не всем участникам: "));
    browser.screenshot("dashboard-fuller-ru");
    new Select(browser.find("#lang")).selectByValue("en");
    browser.await(
        WAIT, d -> d.findElement(By.cssSelector("h1")).getText().equals("Situation: Kazakhstan"));
    // The state profile lists every domain the reader may read, marking the restricted ones.
    fx.open("#/state/KAZ");
    WebElement stateScore = browser.awaitVisible("#state-risk", WAIT);
    assertThat(Double.parseDouble(stateScore.getAttribute("data-score")))
        .isCloseTo(othersSee, within(1e-9));
    browser.await(
        WAIT,
        "a domain marked as not shared with every member",
        d -> !d.findElements(By.cssSelector(".not-shared")).isEmpty());
    assertThat(browser.find(".not-shared").getText()).isEqualTo("(not shared with every member)");
  }

  @Test
  void dashboard_ownComposite_isThePublishedOne_withItsCoverage_inEnglishAndRussian() {
    fx.login("kaz.analyst", "en");
    fx.open("#/dashboard");
    WebElement score = browser.awaitVisible("#own-risk-score", WAIT);
    double shown = Double.parseDouble(score.getAttribute("data-score"));
    assertThat(shown).isCloseTo(published("kaz.analyst", 1).get("KAZ"), within(1e-9));
    String box = browser.find("#own-risk").getText();
    assertThat(box).containsPattern("\\(\\d+ of \\d+ domains\\)");
    assertThat(browser.find("#own-risk .coverage").getText())
        .matches(
            "\\d+ of \\d+ states · methodology vigil-default \\S+ · data as of .+ · analytic run"
                + " \\d+");
    browser.screenshot("dashboard-published-en");

    new Select(browser.find("#lang")).selectByValue("ru");
    browser.await(
        WAIT, d -> d.findElement(By.cssSelector("h1")).getText().equals("Обстановка: Казахстан"));
    browser.awaitVisible("#own-risk .coverage", WAIT);
    browser.await(
        WAIT,
        "the Russian coverage line",
        d -> d.findElement(By.cssSelector("#own-risk .coverage")).getText().contains("из"));
    assertThat(browser.find("#own-risk .coverage").getText())
        .matches(
            "\\d+ из \\d+ государств · методология vigil-default \\S+ · данные на .+ ·"
                + " аналитический прогон \\d+");
    assertThat(browser.find("#own-risk").getText()).containsPattern("\\(\\d+ из \\d+ сфер\\)");
    assertThat(Double.parseDouble(browser.find("#own-risk-score").getAttribute("data-score")))
        .isCloseTo(shown, within(1e-9));
    browser.screenshot("dashboard-published-ru");
    new Select(browser.find("#lang")).selectByValue("en");
    browser.await(
        WAIT, d -> d.findElement(By.cssSelector("h1")).getText().equals("Situation: Kazakhstan"));
  }

  @Test
  void riskPage_everyComposite_isThePublishedOne_forAnotherReader() {
    fx.login("admin", "en");
    fx.open("#/risk");
    Map<String, Double> expected = published("admin", 6);
    List<WebElement> cells = browser.driver().findElements(By.cssSelector("span.composite"));
    assertThat(cells).hasSize(expected.size());
    for (WebElement c : cells) {
      String area = c.getAttribute("data-area");
      assertThat(Double.parseDouble(c.getAttribute("data-score")))
          .as("composite of " + area + " on the risk page")
          .isCloseTo(expected.get(area), within(1e-9));
    }
    assertThat(browser.find("#risk-composites").getText()).containsPattern("\\d+ of \\d+ domains");
    assertThat(browser.find("#risk-table .coverage").getText())
        .startsWith(expected.size() + " of 10 states · methodology vigil-default");
  }
}
