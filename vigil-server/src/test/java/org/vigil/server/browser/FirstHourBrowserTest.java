package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The analyst's first hour, in a real headless Chromium over the demo: a viewer, an analyst, a data
 * steward, a programme coordinator and an organisation admin of five different states log in, in
 * English and in Russian, and open every page their menu offers. Each page must open on the user's
 * own state with data the user may read, show no error box and no "not provided" text, offer no
 * menu entry or form the role cannot use, and (in Russian) show no English word outside codes and
 * proper names, on the page or in its charts. Screenshots: target/browser-screenshots/first-hour-*.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FirstHourBrowserTest {
  private static final Set<String> ADMIN_ROLES = Set.of("ORG_ADMIN", "SYSTEM_ADMIN");
  private static final Set<String> UPLOAD_ROLES =
      Set.of("DATA_STEWARD", "ORG_ADMIN", "SYSTEM_ADMIN");

  /**
   * Latin words found on the page outside [translate=no] (codes, user and file names, model names)
   * and all-capital codes (KAZ, PDF, ETS) and outside a document's own text, marked with its
   * language ({@code lang="en"}); also in the titles, legends and axes of its charts.
   */
  private static final String LATIN_SCAN =
      """
      const allow = new Set(['Vigil', 'sMAPE', 'English']);
      const bad = [];
      const scan = (text, where) => {
        for (const w of String(text ?? '').match(/[A-Za-z][A-Za-z'’]*/g) ?? []) {
          if (w.length < 2 || /^[A-Z]+$/.test(w) || allow.has(w)) continue;
          bad.push(`${w} (${where}: "${String(text).trim().slice(0, 70)}")`);
        }
      };
      const roots = [document.querySelector('header'), document.querySelector('main')];
      for (const root of roots) {
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) {
          const n = walk.currentNode;
          const el = n.parentElement;
          if (!el || el.closest('[translate="no"], script, style')) continue;
          // a document's own words (a text in English shown on a Russian page) carry its language
          const own = el.closest('[lang]');
          if (own && own !== document.documentElement && own.lang !== document.documentElement.lang) continue;
          const opt = el.closest('option, optgroup');
          if (opt && !(opt.tagName === 'OPTION' && opt.selected)) continue;
          if (!opt && !el.checkVisibility()) continue;
          scan(n.textContent, el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''));
        }
        root.querySelectorAll('[placeholder], [title], [aria-label]').forEach((el) => {
          if (el.closest('[translate="no"]')) return;
          ['placeholder', 'title', 'aria-label'].forEach((a) => el.hasAttribute(a) && scan(el.getAttribute(a), a));
        });
      }
      document.querySelectorAll('main [_echarts_instance_]').forEach((el) => {
        const o = echarts.getInstanceByDom(el)?.getOption();
        if (!o) return;
        (o.legend ?? []).forEach((l) => (l.data ?? []).forEach((d) => scan(d?.name ?? d, 'chart legend')));
        [...(o.xAxis ?? []), ...(o.yAxis ?? [])].forEach((a) => scan(a.name, 'chart axis'));
        (o.series ?? []).forEach((s) => { if (!/-base$/.test(s.name ?? '')) scan(s.name, 'chart series'); });
      });
      return bad;
      """;

  private static BrowserFixture.Shared fx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    browser = fx.browser;
  }

  @ParameterizedTest(name = "{0} ({1}, {2}) in {4}")
  @CsvSource({
    "arm.viewer, VIEWER, ARM, Armenia, en",
    "kaz.analyst, ANALYST, KAZ, -, ru",
    "uzb.steward, DATA_STEWARD, UZB, Uzbekistan, en",
    "kgz.coordinator, PROGRAMME_COORDINATOR, KGZ, -, ru",
    "blr.admin, ORG_ADMIN, BLR, -, ru",
    "blr.admin, ORG_ADMIN, BLR, Belarus, en",
  })
  void everyPage_opensOnTheUsersState_withoutErrorsOrUnusableEntries(
      String user, String role, String area, String englishName, String lang) {
    String stateName = englishName;
    if (lang.equals("ru")) {
      stateName =
          fx.vigil
              .reference()
              .area(org.vigil.model.AccessContext.system(), area)
              .orElseThrow()
              .nameRu();
    }
    fx.login(user, lang);
    List<String> problems = new ArrayList<>();
    List<String> pages = menu();
    boolean admin = ADMIN_ROLES.contains(role);
    if (admin != pages.contains("admin")) {
      problems.add("menu of " + role + " " + (admin ? "lacks" : "offers") + " Administration");
    }
    for (String page : pages) {
      fx.open("#/" + page);
      String prefix = user + " " + lang + " #/" + page + ": ";
      String shot = "first-hour-" + lang + "-" + user.replace('.', '-') + "-" + page;
      browser.screenshot(shot);
      String text = browser.find("main").getText();
      List<String> errors =
          browser.driver().findElements(By.cssSelector("main .error")).stream()
              .filter(WebElement::isDisplayed)
              .map(WebElement::getText)
              .toList();
      if (!errors.isEmpty()) {
        problems.add(prefix + "error box " + errors);
      }
      for (String stub :
          List.of("not provided", "не предоставляется", "undefined", "NaN", "[object")) {
        if (text.contains(stub)) {
          problems.add(prefix + "shows '" + stub + "'");
        }
      }
      if (java.util.regex.Pattern.compile("\\bnull\\b").matcher(text).find()) {
        problems.add(prefix + "shows 'null'");
      }
      problems.addAll(defaults(page, prefix, role, area, stateName));
      if (lang.equals("ru")) {
        @SuppressWarnings("unchecked")
        List<String> latin = (List<String>) browser.script(LATIN_SCAN);
        latin.stream().distinct().limit(15).forEach(w -> problems.add(prefix + "English: " + w));
      }
    }
    problems.forEach(p -> System.out.println("first hour: " + p));
    assertThat(problems).as("see target/browser-screenshots/first-hour-%s-*", lang).isEmpty();
  }

  /** Each page opens on the user's own state and on data the user may read. */
  private static List<String> defaults(
      String page, String prefix, String role, String area, String stateName) {
    List<String> out = new ArrayList<>();
    List<WebElement> heads = browser.driver().findElements(By.cssSelector("main h1"));
    String h1 = heads.isEmpty() ? "(no heading)" : heads.get(0).getText();
    switch (page) {
      case "dashboard" -> {
        if (!h1.contains(stateName)) {
          out.add(prefix + "dashboard is not the user's own: '" + h1 + "'");
        }
        if (browser.driver().findElements(By.id("anomalies-scan")).size() > 0) {
          out.add(prefix + "recent anomalies wait for a button");
        }
      }
      case "state" -> {
        if (!h1.contains(stateName)) {
          out.add(prefix + "state profile opens on '" + h1 + "'");
        }
        if (browser
            .driver()
            .findElements(By.cssSelector("#state-indicators svg.spark"))
            .isEmpty()) {
          out.add(prefix + "state profile has no sparklines");
        }
      }
      case "indicator" -> {
        String chips = browser.find("#ind-areas-chips").getText();
        if (!chips.contains(stateName)) {
          out.add(prefix + "indicator explorer opens on '" + chips + "'");
        }
        Object points =
            browser.script(
                "const c = echarts.getInstanceByDom(document.getElementById('ind-chart'));"
                    + " return c.getOption().series[0].data.filter(v => v !== null).length;");
        if (((Number) points).intValue() == 0) {
          out.add(prefix + "indicator explorer opens on a series without readable values");
        }
      }
      case "data" -> {
        boolean form = !browser.driver().findElements(By.id("upload-form")).isEmpty();
        if (form != UPLOAD_ROLES.contains(role)) {
          out.add(prefix + "upload form " + (form ? "shown to" : "hidden from") + " " + role);
        }
      }
      default -> {}
    }
    return out;
  }

  private static List<String> menu() {
    return browser.driver().findElements(By.cssSelector("#nav a")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*#/", ""))
        .toList();
  }
}
