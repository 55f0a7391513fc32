package org.vigil.app.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where notifications go out. Nothing is sent unless configured: without an SMTP host no e-mail or
 * digest is sent (subscriptions still fill the in-app inbox), without a webhook secret no webhook.
 *
 * @param smtpHost SMTP server ("" = no e-mail)
 * @param smtpPort its port
 * @param smtpUser login ("" = none)
 * @param smtpPassword password ("" = none)
 * @param smtpStartTls require STARTTLS
 * @param from sender address
 * @param webhookSecret HMAC-SHA256 key for webhook signatures ("" = no webhooks)
 * @param baseUrl the web UI's address, for the evidence links in messages
 * @param maxAttempts attempts before a message is given up
 * @param firstRetry wait before the second attempt; doubled after each failure
 * @param timeout connect and read timeout of one attempt
 */
public record NotifyConfig(
    String smtpHost,
    int smtpPort,
    String smtpUser,
    String smtpPassword,
    boolean smtpStartTls,
    String from,
    String webhookSecret,
    String baseUrl,
    int maxAttempts,
    Duration firstRetry,
    Duration timeout) {

  /** Nothing configured: inbox only. */
  public static final NotifyConfig NONE =
      new NotifyConfig(
          "",
          25,
          "",
          "",
          false,
          "vigil@localhost",
          "",
          "http://localhost:7070",
          6,
          Duration.ofMinutes(1),
          Duration.ofSeconds(20));

  public NotifyConfig {
    smtpHost = smtpHost == null ? "" : smtpHost.trim();
    smtpUser = smtpUser == null ? "" : smtpUser;
    smtpPassword = smtpPassword == null ? "" : smtpPassword;
    webhookSecret = webhookSecret == null ? "" : webhookSecret;
    if (smtpPort < 1 || smtpPort > 65_535) {
      throw new IllegalArgumentException("SMTP port must be 1-65535, found " + smtpPort);
    }
    if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException(
          "The sender (VIGIL_SMTP_FROM) must be an e-mail address, found '" + from + "'");
    }
    if (!webhookSecret.isEmpty() && webhookSecret.length() < 16) {
      throw new IllegalArgumentException(
          "The webhook secret (VIGIL_WEBHOOK_SECRET) must have at least 16 characters, found "
              + webhookSecret.length());
    }
    if (baseUrl == null || !baseUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException(
          "The public address (VIGIL_PUBLIC_URL) must be http(s)://..., found '" + baseUrl + "'");
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, found " + maxAttempts);
    }
  }

  /**
   * VIGIL_SMTP_HOST, VIGIL_SMTP_PORT (25), VIGIL_SMTP_USER, VIGIL_SMTP_PASSWORD,
   * VIGIL_SMTP_STARTTLS (false), VIGIL_SMTP_FROM, VIGIL_WEBHOOK_SECRET, VIGIL_PUBLIC_URL.
   */
  public static NotifyConfig fromEnvironment(Map<String, String> env) {
    String port = env.getOrDefault("VIGIL_SMTP_PORT", "25");
    int p;
    try {
      p = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "VIGIL_SMTP_PORT must be a number, found '" + port + "'", e);
    }
    return new NotifyConfig(
        env.getOrDefault("VIGIL_SMTP_HOST", ""),
        p,
        env.getOrDefault("VIGIL_SMTP_USER", ""),
        env.getOrDefault("VIGIL_SMTP_PASSWORD", ""),
        Boolean.parseBoolean(env.getOrDefault("VIGIL_SMTP_STARTTLS", "false")),
        env.getOrDefault("VIGIL_SMTP_FROM", NONE.from()),
        env.getOrDefault("VIGIL_WEBHOOK_SECRET", ""),
        env.getOrDefault("VIGIL_PUBLIC_URL", NONE.baseUrl()),
        NONE.maxAttempts(),
        NONE.firstRetry(),
        NONE.timeout());
  }

  public boolean mail() {
    return !smtpHost.isEmpty();
  }

  public boolean webhooks() {
    return !webhookSecret.isEmpty();
  }

  public NotifyConfig withSmtp(String host, int port) {
    return new NotifyConfig(
        host,
        port,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        from,
        webhookSecret,
        baseUrl,
        maxAttempts,
        firstRetry,
        timeout);
  }

  public NotifyConfig withWebhookSecret(String secret) {
    return new NotifyConfig(
        smtpHost,
        smtpPort,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        from,
        secret,
        baseUrl,
        maxAttempts,
        firstRetry,
        timeout);
  }

  public NotifyConfig withRetry(int attempts, Duration first) {
    return new NotifyConfig(
        smtpHost,
        smtpPort,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        from,
        webhookSecret,
        baseUrl,
        attempts,
        first,
        timeout);
  }

  /** The wait before attempt {@code n + 1} after {@code n} failed ones: first, 2x, 4x, ... */
  public Optional<Duration> retryAfter(int failedAttempts) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20)));
  }

  /** Never prints secrets. */
  @Override
  public String toString() {
    return "NotifyConfig[smtp="
        + (mail() ? smtpHost + ":" + smtpPort : "off")
        + ", webhooks="
        + (webhooks() ? "on" : "off")
        + ", base="
        + baseUrl
        + "]";
  }
}
