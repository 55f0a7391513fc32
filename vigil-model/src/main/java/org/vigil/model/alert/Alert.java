package org.vigil.model.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.model.Ownership;

/**
 * An alert: a rule's finding about one subject, with its state history. The alert has the ownership
 * of the data it is about, so only those who may read that data may read the alert. Alerts are
 * deduplicated by {@link #key()}: re-evaluating the rules does not raise the same alert twice.
 *
 * @param id store id (0 before it is stored)
 * @param rule the rule that raised it
 * @param severity how urgent
 * @param subject what it is about
 * @param domain threat domain name of the indicator ("" when none), used by sharing agreements
 * @param messageEn one sentence in English
 * @param messageRu the same in Russian
 * @param evidence the numbers behind it (keys and values without tabs or line breaks)
 * @param createdAt when it was raised (from the injected clock)
 * @param ownership inherited from the data it is about
 * @param history state changes, oldest first (empty before it is stored)
 */
public record Alert(
    long id,
    AlertRule rule,
    AlertSeverity severity,
    AlertSubject subject,
    String domain,
    String messageEn,
    String messageRu,
    Map<String, String> evidence,
    Instant createdAt,
    Ownership ownership,
    List<AlertChange> history) {
  public Alert {
    if (rule == null || severity == null || subject == null || createdAt == null) {
      throw new IllegalArgumentException(
          "An alert needs a rule, severity, subject and creation time; found "
              + rule
              + ", "
              + severity
              + ", "
              + subject
              + ", "
              + createdAt);
    }
    if (ownership == null) {
      throw new IllegalArgumentException("Alert on " + subject + " needs the data's ownership");
    }
    if (messageEn == null || messageEn.isBlank() || messageRu == null || messageRu.isBlank()) {
      throw new IllegalArgumentException(
          "Alert on " + subject + " needs a message in English and in Russian");
    }
    if (messageEn.length() > 2000 || messageRu.length() > 2000) {
      throw new IllegalArgumentException(
          "Alert messages must have at most 2000 characters, found "
              + Math.max(messageEn.length(), messageRu.length()));
    }
    domain = domain == null ? "" : domain;
    evidence = evidence == null ? Map.of() : Map.copyOf(new TreeMap<>(evidence));
    for (Map.Entry<String, String> e : evidence.entrySet()) {
      if (e.getKey().isEmpty() || (e.getKey() + e.getValue()).matches("(?s).*[\\t\\n\\r].*")) {
        throw new IllegalArgumentException(
            "Alert evidence keys must be non-empty and keys and values without tabs or line"
                + " breaks, found '"
                + e.getKey()
                + "'");
      }
    }
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * The deduplication key: rule, indicator, area, period and the owner of the series (the same
   * finding on two owners' series of one area is two alerts, each its owner's), and for an alert
   * raised by a rule kept as data the rule's code (evidence {@code ruleCode}): two kept rules of
   * one kind on the same series, say two thresholds, each raise their own alert.
   */
  public String key() {
    String base =
        rule
            + "|"
            + subject.indicator()
            + "|"
            + subject.area()
            + "|"
            + subject.period()
            + "|"
            + ownership.owner();
    String keptRule = evidence.get("ruleCode");
    return keptRule == null ? base : base + "|" + keptRule;
  }

  /** The current state: the last change's, NEW before any. */
  public AlertState state() {
    return history.isEmpty() ? AlertState.NEW : history.get(history.size() - 1).state();
  }

  /** The same alert as stored. */
  public Alert stored(long newId, List<AlertChange> newHistory) {
    return new Alert(
        newId,
        rule,
        severity,
        subject,
        domain,
        messageEn,
        messageRu,
        evidence,
        createdAt,
        ownership,
        newHistory);
  }
}
