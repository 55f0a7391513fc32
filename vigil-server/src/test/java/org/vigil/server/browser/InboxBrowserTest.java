package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.vigil.app.notify.NotifyConfig;
import org.vigil.app.notify.NotifyService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertSubject;
import org.vigil.model.notify.Channel;
import org.vigil.store.JdbcAlertRepository;

/**
 * The inbox page and the header's unread count: a user sees the alerts their subscription delivered
 * on data they may read (never another state's national data), in their language, and acknowledging
 * one lowers the count.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InboxBrowserTest {
  private static BrowserFixture.Shared fx;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
  }

  private static void plant(String user, String tag) {
    NotifyService s = new NotifyService(fx.vigil, NotifyConfig.NONE);
    s.subscribe(
        AccessContext.of(user, "KAZ-SC", Role.VIEWER),
        "",
        "",
        "",
        AlertSeverity.INFO,
        Channel.INBOX,
        "",
        "en");
    List<Alert> alerts = new ArrayList<>();
    for (String[] a :
        new String[][] {{"KAZ", "KAZ-SC", "1"}, {"KAZ", "KAZ-SC", "2"}, {"RUS", "RUS-SC", "3"}}) {
      alerts.add(
          new Alert(
              0,
              AlertRule.THRESHOLD,
              AlertSeverity.WARNING,
              new AlertSubject(
                  "DEMO_TERROR_INCIDENTS",
                  a[0],
                  // A real period (the shared fixture's other pages show it), one year per
                  // language so each run plants new alerts.
                  (tag.equals("ru") ? "2024-0" : "2025-0") + a[2]),
              "TERRORISM",
              "Planted inbox alert " + a[2] + " in " + a[0],
              "Тестовое оповещение " + a[2] + " (" + a[0] + ")",
              Map.of("level", "10"),
              fx.vigil.clock().instant(),
              Ownership.of(a[1], Classification.NATIONAL),
              List.of()));
    }
    JdbcAlertRepository.open(fx.vigil.dataSource(), fx.vigil.clock())
        .raise(AccessContext.system(), alerts);
    s.dispatch(); // what the server's worker does every 30 s
  }

  private static String badge() {
    return (String)
        fx.browser.script(
            "const b = document.getElementById('inbox-count'); return b.hidden ? '' :"
                + " b.textContent;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ru"})
  void inbox_ownStatesAlertsOnly_acknowledgeLowersUnreadCount(String lang) {
    String user = lang.equals("en") ? "kaz.viewer" : "kaz.coordinator"; // a fresh inbox each
    plant(user, lang);
    fx.login(user, lang);
    fx.browser.await(BrowserFixture.WAIT, "the unread count 2", d -> "2".equals(badge()));

    fx.open("#/inbox");
    @SuppressWarnings("unchecked")
    List<String> items =
        (List<String>)
            fx.browser.script(
                "return [...document.querySelectorAll('#inbox-list > li')].map((li) =>"
                    + " li.innerText);");
    fx.browser.screenshot("inbox-" + lang);

    assertThat(items).hasSize(2).allMatch(t -> t.contains("KAZ")).noneMatch(t -> t.contains("RUS"));
    if (lang.equals("ru")) {
      assertThat(items).allMatch(t -> t.contains("Тестовое оповещение"));
      assertThat(fx.browser.find("h1").getText()).isEqualTo("Входящие");
      assertThat(items).allMatch(t -> t.contains("не прочитано"));
    } else {
      assertThat(items).allMatch(t -> t.contains("Planted inbox alert") && t.contains("unread"));
    }

    fx.browser.find("#inbox-list > li .inbox-acknowledged").click();
    fx.browser.await(BrowserFixture.WAIT, "the unread count 1", d -> "1".equals(badge()));
    fx.browser.await(
        BrowserFixture.WAIT,
        "one acknowledged item",
        d ->
            d.findElements(By.cssSelector("#inbox-list > li[data-state='ACKNOWLEDGED']")).size()
                == 1);
    fx.browser.screenshot("inbox-acknowledged-" + lang);
  }
}
