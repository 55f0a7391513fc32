package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions in the web UI: the state profile lists the state's regions and districts in the user's
 * language with the synthetic districts and missing Russian names marked; the indicator explorer
 * offers regions as areas, draws a region's series, and shows the state's figure made of its
 * regions with what it covers (12 of 20 to another state's analyst).
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RegionBrowserTest {
  private static BrowserFixture.Shared fx;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(String css) {
    return (List<String>)
        fx.browser.script(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText);", css);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void stateProfile_listsRegionsAndDistricts_inTheUsersLanguage_marked(String lang) {
    fx.login("rus.analyst", lang);
    fx.open("#/state/KGZ");
    List<String> kgz = texts("#state-region-table tbody tr");
    assertThat(kgz).hasSize(9);
    if (lang.equals("ru")) {
      // Kyrgyzstan's regions have no Russian name in iso-codes: shown as written, marked.
      assertThat(kgz).anyMatch(r -> r.contains("Batken") && r.contains("нет русского названия"));
    } else {
      assertThat(kgz).anyMatch(r -> r.contains("Batken")).noneMatch(r -> r.contains("Russian"));
    }
    fx.open("#/state/KAZ");
    List<String> rows = texts("#state-region-table tbody tr");
    assertThat(rows).hasSize(20 + 20 * 3);
    fx.browser.script("document.getElementById('state-regions').scrollIntoView();");
    fx.browser.screenshot("regions-state-" + lang);
    if (lang.equals("ru")) {
      assertThat(rows)
          .anyMatch(r -> r.contains("KZ-AKM") && r.contains("Акмолинская область"))
          .anyMatch(r -> r.contains("KZ-AKM-D1") && r.contains("синтетический код"));
      assertThat(fx.browser.find("#state-regions").getText()).contains("Регионов: 20");
    } else {
      assertThat(rows)
          .anyMatch(r -> r.contains("KZ-AKM") && r.contains("Akmolinskaja oblast'"))
          .anyMatch(r -> r.contains("KZ-AKM-D1") && r.contains("synthetic code"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void indicatorExplorer_regionSeriesAndTheStateFromItsRegions(String lang) {
    fx.login("rus.analyst", lang);
    fx.open("#/indicator?code=DEMO_DRUG_OFFENCES_REGIONAL&areas=KAZ");
    String total = fx.browser.find("#ind-region-total").getText();
    assertThat(fx.browser.find("#ind-info").getText())
        .contains(lang.equals("ru") ? "12 из 20 регионов" : "12 of 20 regions");
    assertThat(total).isNotBlank();
    fx.browser.script("document.getElementById('ind-region-total').scrollIntoView();");
    fx.browser.screenshot("regions-total-" + lang);
    fx.open("#/indicator?code=DEMO_DRUG_OFFENCES_REGIONAL&areas=KZ-AKM");
    assertThat(fx.browser.find("#ind-areas-chips").getText())
        .contains(lang.equals("ru") ? "Акмолинская область — Казахстан" : "Akmolinskaja oblast'");
    // The region's own series is drawn and forecast like a state's (no error, no "no data").
    assertThat(fx.browser.driver().findElements(org.openqa.selenium.By.cssSelector(".error")))
        .isEmpty();
    assertThat(fx.browser.driver().findElements(org.openqa.selenium.By.id("ind-empty"))).isEmpty();
    assertThat(fx.browser.find("#ind-forecast-sentence").getText()).isNotBlank();
    fx.browser.screenshot("regions-series-" + lang);
  }
}
