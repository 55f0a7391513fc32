package org.vigil.model.notify;

import java.time.Instant;
import java.util.Locale;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertSeverity;

/**
 * What a user wants to hear about and where. Empty filters match anything. A subscription only ever
 * delivers alerts its user may read.
 *
 * @param id store id (0 before it is stored)
 * @param username whose
 * @param domain threat domain name ("" for any)
 * @param area area code ("" for any)
 * @param indicator indicator code ("" for any)
 * @param minSeverity the least severity delivered
 * @param channel where
 * @param target e-mail address (EMAIL, DIGEST) or https/http address (WEBHOOK); "" for INBOX
 * @param lang language of messages: "en" or "ru"
 * @param active false once cancelled
 * @param createdAt when; alerts raised before it are not delivered
 */
public record Subscription(
    long id,
    String username,
    String domain,
    String area,
    String indicator,
    AlertSeverity minSeverity,
    Channel channel,
    String target,
    String lang,
    boolean active,
    Instant createdAt) {
  public Subscription {
    if (username == null || username.isBlank() || minSeverity == null || channel == null) {
      throw new IllegalArgumentException("A subscription needs a user, a severity and a channel");
    }
    if (createdAt == null) {
      throw new IllegalArgumentException("A subscription needs its creation time");
    }
    domain = domain == null ? "" : domain.toUpperCase(Locale.ROOT).replace('-', '_');
    area = area == null ? "" : area.toUpperCase(Locale.ROOT);
    indicator = indicator == null ? "" : indicator.toUpperCase(Locale.ROOT);
    target = target == null ? "" : target.trim();
    lang = lang == null || lang.isBlank() ? "en" : lang;
    if (!lang.equals("en") && !lang.equals("ru")) {
      throw new IllegalArgumentException("Language must be en or ru, found '" + lang + "'");
    }
    switch (channel) {
      case INBOX -> target = "";
      case EMAIL, DIGEST -> {
        if (!target.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
          throw new IllegalArgumentException(
              channel + " needs an e-mail address (--to name@example.org), found '" + target + "'");
        }
      }
      case WEBHOOK -> {
        if (!target.matches("https?://[^\\s]{3,500}")) {
          throw new IllegalArgumentException(
              "WEBHOOK needs an http(s) address (--to https://host/path), found '" + target + "'");
        }
      }
    }
  }

  /** True when the alert passes this subscription's filters (not its access check). */
  public boolean matches(Alert a) {
    return active
        && !a.createdAt().isBefore(createdAt)
        && a.severity().compareTo(minSeverity) >= 0
        && (domain.isEmpty() || domain.equals(a.domain()))
        && (area.isEmpty() || area.equals(a.subject().area()))
        && (indicator.isEmpty() || indicator.equals(a.subject().indicator()));
  }

  /** The same subscription as stored. */
  public Subscription stored(long newId) {
    return new Subscription(
        newId,
        username,
        domain,
        area,
        indicator,
        minSeverity,
        channel,
        target,
        lang,
        active,
        createdAt);
  }
}
