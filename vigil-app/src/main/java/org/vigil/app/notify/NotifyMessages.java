package org.vigil.app.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.alert.Alert;
import org.vigil.model.i18n.Translations;

/**
 * The text of what goes out, in the subscriber's language, each with the links to its evidence: the
 * alert in the inbox and the series in the indicator explorer.
 */
final class NotifyMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  NotifyMessages(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The UI route of the alert (the inbox, opened at it). */
  String alertLink(Alert a) {
    return baseUrl + "/#/inbox?alert=" + a.id();
  }

  /** The UI route of the series the alert is about. */
  String seriesLink(Alert a) {
    String indicator = a.subject().indicator();
    if (indicator.contains("/")) { // programme/KPI
      return baseUrl + "/#/programmes/" + enc(indicator.substring(0, indicator.indexOf('/')));
    }
    return baseUrl + "/#/indicator?code=" + enc(indicator) + "&areas=" + enc(a.subject().area());
  }

  String subject(Alert a, String lang) {
    return "[Vigil] "
        + Translations.text(lang, "severity." + a.severity().name())
        + ": "
        + Translations.text(lang, "alertRule." + a.rule().name())
        + " · "
        + a.subject().indicator()
        + " · "
        + a.subject().area()
        + (a.subject().period().isEmpty() ? "" : " · " + a.subject().period());
  }

  String text(Alert a, String lang) {
    StringBuilder b = new StringBuilder();
    b.append("ru".equals(lang) ? a.messageRu() : a.messageEn()).append("\n\n");
    a.evidence().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
    b.append('\n')
        .append(Translations.text(lang, "notify.linkAlert"))
        .append(": ")
        .append(alertLink(a))
        .append('\n')
        .append(Translations.text(lang, "notify.linkSeries"))
        .append(": ")
        .append(seriesLink(a))
        .append("\n\n")
        .append(Translations.text(lang, "notify.footer"))
        .append('\n');
    return b.toString();
  }

  String digestSubject(LocalDate day, int n, String lang) {
    return "[Vigil] " + Translations.text(lang, "notify.digestSubject", Map.of("day", day, "n", n));
  }

  String digestText(LocalDate day, List<Alert> alerts, String lang) {
    StringBuilder b = new StringBuilder();
    b.append(Translations.text(lang, "notify.digestIntro", Map.of("day", day, "n", alerts.size())))
        .append("\n\n");
    for (Alert a : alerts) {
      b.append("* ")
          .append(Translations.text(lang, "severity." + a.severity().name()))
          .append(" · ")
          .append(a.subject())
          .append("\n  ")
          .append("ru".equals(lang) ? a.messageRu() : a.messageEn())
          .append("\n  ")
          .append(alertLink(a))
          .append("\n  ")
          .append(seriesLink(a))
          .append("\n\n");
    }
    b.append(Translations.text(lang, "notify.footer")).append('\n');
    return b.toString();
  }

  /** The webhook body: the alert as data, in both languages, with its links. */
  String json(String id, Alert a) {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("id", a.id());
    alert.put("rule", a.rule().name());
    alert.put("severity", a.severity().name());
    alert.put("indicator", a.subject().indicator());
    alert.put("area", a.subject().area());
    alert.put("period", a.subject().period());
    alert.put("domain", a.domain());
    alert.put("messageEn", a.messageEn());
    alert.put("messageRu", a.messageRu());
    alert.put("evidence", a.evidence());
    alert.put("createdAt", a.createdAt().toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", "alert");
    body.put("alert", alert);
    body.put("links", Map.of("alert", alertLink(a), "series", seriesLink(a)));
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the webhook body of alert " + a.id(), e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
