package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.app.alert.AlertService;
import org.vigil.model.AccessContext;

/**
 * The dashboard's alerts panel over the evaluated demo: the server's ranking (most severe subject
 * first), and in Russian every alert's sentence and rule in Russian, numbers in the Russian format.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AlertsPanelBrowserTest {
  private static final List<String> ORDER = List.of("CRITICAL", "WARNING", "INFO");
  private static BrowserFixture.Shared fx;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    new AlertService(fx.vigil).evaluate(AccessContext.system()); // as `vigil demo` does
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void dashboard_alerts_rankedBySeverity_andInTheReadersLanguage(String lang) {
    fx.login("secretariat.analyst", lang); // sees the whole region's alerts
    fx.open("#/dashboard");
    fx.browser.screenshot("alerts-panel-" + lang);

    @SuppressWarnings("unchecked")
    List<Map<String, String>> items =
        (List<Map<String, String>>)
            fx.browser.script(
                """
                return [...document.querySelectorAll('ul.alerts > li.alert')].map((li) => ({
                  severity: [...li.classList].find((c) => c.startsWith('sev-')).slice(4),
                  text: li.innerText }));
                """);

    assertThat(items).as("alerts on the evaluated demo for the secretariat").hasSizeGreaterThan(3);
    List<Integer> ranks = items.stream().map(i -> ORDER.indexOf(i.get("severity"))).toList();
    assertThat(ranks).as("severities in panel order").isSorted().doesNotContain(-1);
    // The panel shows the server's ranking: the worst severity of each subject, in the API's order,
    // the first subjects only. The demo has subjects of more than one severity, so a panel that
    // ignored the ranking (or showed the newest first) would differ from this list.
    @SuppressWarnings("unchecked")
    List<String> ranked =
        (List<String>)
            fx.browser.script(
                """
                const x = new XMLHttpRequest();
                x.open('GET', '/api/alerts?state=NEW&order=rank&limit=200', false);
                x.send();
                const groups = new Map();
                for (const a of JSON.parse(x.responseText).items) {
                  const k = a.group ?? `${a.indicator}|${a.area}`;
                  if (!groups.has(k)) groups.set(k, []);
                  groups.get(k).push(a.severity);
                }
                return [...groups.values()].map((g) =>
                  g.includes('CRITICAL') ? 'CRITICAL' : g.includes('WARNING') ? 'WARNING' : 'INFO');
                """);
    assertThat(ranked.stream().distinct().count())
        .as("severities of the demo's subjects")
        .isGreaterThan(1);
    assertThat(items.stream().map(i -> i.get("severity")).toList())
        .as("the panel's severities are the server's ranking, first subjects first")
        .isEqualTo(ranked.subList(0, items.size()));
    if (lang.equals("ru")) {
      for (Map<String, String> i : items) {
        String text = i.get("text");
        // Codes (KAZ, CIS-CT-2023-2025/K2) are upper case; any lower-case Latin word is English.
        assertThat(text).as(text).doesNotContainPattern("[a-z]{2,}");
        assertThat(text).as(text).doesNotContainPattern("\\d\\.\\d");
      }
      assertThat(items.get(0).get("text")).containsPattern("Необычно|Сдвиг уровня|цель");
    }
  }
}
