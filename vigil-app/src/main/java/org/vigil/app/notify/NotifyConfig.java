package org.vigil.app.notify;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where notifications go out and how often the server works on them; part of the application's
 * configuration ({@code VigilConfig#notifications}), read from the environment like the database
 * settings. Nothing is sent unless configured: without an SMTP host no e-mail or digest is sent
 * (subscriptions still fill the in-app inbox), without a webhook secret no webhook.
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
 * @param lease how long a claimed message is its worker's; after it another worker sends it again
 *     (at least three timeouts, so a live worker has given up before its lease runs out)
 * @param deliverEvery how often the server's delivery worker runs
 * @param rulesEvery how often the server evaluates the kept alert rules (empty: never)
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
    Duration timeout,
    Duration lease,
    Duration deliverEvery,
    Optional<Duration> rulesEvery) {

  /** Nothing configured: inbox only; delivery every 30 s; kept rules not scheduled. */
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
          Duration.ofSeconds(20),
          Duration.ofMinutes(5),
          Duration.ofSeconds(30),
          Optional.empty());

  /** The schedule of the kept rules when {@code VIGIL_NOTIFY_RULES_EVERY} is not set. */
  public static final Duration DEFAULT_RULES_EVERY = Duration.ofHours(1);

  public NotifyConfig {
    smtpHost = smtpHost == null ? "" : smtpHost.trim();
    smtpUser = smtpUser == null ? "" : smtpUser;
    smtpPassword = smtpPassword == null ? "" : smtpPassword;
    webhookSecret = webhookSecret == null ? "" : webhookSecret;
    rulesEvery = rulesEvery == null ? Optional.empty() : rulesEvery;
    if (smtpPort < 1 || smtpPort > 65_535) {
      throw new IllegalArgumentException(
          "The SMTP port (VIGIL_SMTP_PORT) must be 1-65535, found " + smtpPort);
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
      throw new IllegalArgumentException(
          "VIGIL_NOTIFY_MAX_ATTEMPTS must be >= 1, found " + maxAttempts);
    }
    positive("VIGIL_NOTIFY_FIRST_RETRY", firstRetry);
    positive("VIGIL_NOTIFY_TIMEOUT", timeout);
    positive("VIGIL_NOTIFY_DELIVER_EVERY", deliverEvery);
    rulesEvery.ifPresent(d -> positive("VIGIL_NOTIFY_RULES_EVERY", d));
    if (lease == null || lease.compareTo(timeout.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException(
          "The delivery lease (VIGIL_NOTIFY_LEASE) must be at least three times the timeout ("
              + timeout.multipliedBy(3)
              + "), found "
              + lease
              + ": a worker still sending when its lease runs out would send twice");
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be a positive interval, found " + d);
    }
  }

  /**
   * The settings from the environment: VIGIL_SMTP_HOST, VIGIL_SMTP_PORT (25), VIGIL_SMTP_USER,
   * VIGIL_SMTP_PASSWORD, VIGIL_SMTP_STARTTLS (false), VIGIL_SMTP_FROM, VIGIL_WEBHOOK_SECRET,
   * VIGIL_PUBLIC_URL, VIGIL_NOTIFY_MAX_ATTEMPTS (6), VIGIL_NOTIFY_FIRST_RETRY (1m),
   * VIGIL_NOTIFY_TIMEOUT (20s), VIGIL_NOTIFY_LEASE (5m), VIGIL_NOTIFY_DELIVER_EVERY (30s),
   * VIGIL_NOTIFY_RULES_EVERY (1h, or off).
   */
  public static NotifyConfig fromEnvironment(Map<String, String> env) {
    String port = env.getOrDefault("VIGIL_SMTP_PORT", "25");
    String attempts = env.getOrDefault("VIGIL_NOTIFY_MAX_ATTEMPTS", "6");
    return new NotifyConfig(
        env.getOrDefault("VIGIL_SMTP_HOST", ""),
        integer("VIGIL_SMTP_PORT", port),
        env.getOrDefault("VIGIL_SMTP_USER", ""),
        env.getOrDefault("VIGIL_SMTP_PASSWORD", ""),
        Boolean.parseBoolean(env.getOrDefault("VIGIL_SMTP_STARTTLS", "false").trim()),
        env.getOrDefault("VIGIL_SMTP_FROM", NONE.from()),
        env.getOrDefault("VIGIL_WEBHOOK_SECRET", ""),
        env.getOrDefault("VIGIL_PUBLIC_URL", NONE.baseUrl()),
        integer("VIGIL_NOTIFY_MAX_ATTEMPTS", attempts),
        interval(env, "VIGIL_NOTIFY_FIRST_RETRY", NONE.firstRetry()).orElse(NONE.firstRetry()),
        interval(env, "VIGIL_NOTIFY_TIMEOUT", NONE.timeout()).orElse(NONE.timeout()),
        interval(env, "VIGIL_NOTIFY_LEASE", NONE.lease()).orElse(NONE.lease()),
        interval(env, "VIGIL_NOTIFY_DELIVER_EVERY", NONE.deliverEvery())
            .orElse(NONE.deliverEvery()),
        interval(env, "VIGIL_NOTIFY_RULES_EVERY", DEFAULT_RULES_EVERY));
  }

  private static int integer(String name, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, found '" + text + "'", e);
    }
  }

  private static Optional<Duration> interval(Map<String, String> env, String name, Duration dflt) {
    String text = env.get(name);
    return text == null || text.isBlank() ? Optional.of(dflt) : parseInterval(name, text);
  }

  /** "90s", "30m", "1h", "1d", an ISO-8601 duration such as PT1H, or "off" (empty). */
  public static Optional<Duration> parseInterval(String name, String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    if (v.equals("off")) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(v);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return Optional.of(
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            });
      }
      return Optional.of(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " must be an interval such as 90s, 30m, 1h, 1d or PT1H (or off), found '"
              + text
              + "'",
          e);
    }
  }

  public boolean mail() {
    return !smtpHost.isEmpty();
  }

  public boolean webhooks() {
    return !webhookSecret.isEmpty();
  }

  /** A changed copy: {@code config.with(b -> b.smtp("127.0.0.1", 2525).maxAttempts(3))}. */
  public NotifyConfig with(UnaryOperator<Builder> change) {
    return change.apply(new Builder(this)).build();
  }

  public NotifyConfig withSmtp(String host, int port) {
    return with(b -> b.smtp(host, port));
  }

  public NotifyConfig withWebhookSecret(String secret) {
    return with(b -> b.webhookSecret(secret));
  }

  public NotifyConfig withRetry(int attempts, Duration first) {
    return with(b -> b.retry(attempts, first));
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
        + ", lease="
        + lease
        + ", deliverEvery="
        + deliverEvery
        + ", rulesEvery="
        + rulesEvery.map(Duration::toString).orElse("off")
        + "]";
  }

  /** Changes a copy of a configuration; validation happens in {@link #build}. */
  public static final class Builder {
    private String smtpHost;
    private int smtpPort;
    private String smtpUser;
    private String smtpPassword;
    private boolean smtpStartTls;
    private String from;
    private String webhookSecret;
    private String baseUrl;
    private int maxAttempts;
    private Duration firstRetry;
    private Duration timeout;
    private Duration lease;
    private Duration deliverEvery;
    private Optional<Duration> rulesEvery;

    private Builder(NotifyConfig c) {
      smtpHost = c.smtpHost;
      smtpPort = c.smtpPort;
      smtpUser = c.smtpUser;
      smtpPassword = c.smtpPassword;
      smtpStartTls = c.smtpStartTls;
      from = c.from;
      webhookSecret = c.webhookSecret;
      baseUrl = c.baseUrl;
      maxAttempts = c.maxAttempts;
      firstRetry = c.firstRetry;
      timeout = c.timeout;
      lease = c.lease;
      deliverEvery = c.deliverEvery;
      rulesEvery = c.rulesEvery;
    }

    public Builder smtp(String host, int port) {
      smtpHost = host;
      smtpPort = port;
      return this;
    }

    public Builder smtpLogin(String user, String password, boolean startTls) {
      smtpUser = user;
      smtpPassword = password;
      smtpStartTls = startTls;
      return this;
    }

    public Builder from(String address) {
      from = address;
      return this;
    }

    public Builder webhookSecret(String secret) {
      webhookSecret = secret;
      return this;
    }

    public Builder baseUrl(String url) {
      baseUrl = url;
      return this;
    }

    public Builder retry(int attempts, Duration first) {
      maxAttempts = attempts;
      firstRetry = first;
      return this;
    }

    public Builder timeout(Duration t) {
      timeout = t;
      return this;
    }

    public Builder lease(Duration l) {
      lease = l;
      return this;
    }

    public Builder deliverEvery(Duration every) {
      deliverEvery = every;
      return this;
    }

    /** Null or empty: the kept rules are not scheduled. */
    public Builder rulesEvery(Duration every) {
      rulesEvery = Optional.ofNullable(every);
      return this;
    }

    public NotifyConfig build() {
      return new NotifyConfig(
          smtpHost,
          smtpPort,
          smtpUser,
          smtpPassword,
          smtpStartTls,
          from,
          webhookSecret,
          baseUrl,
          maxAttempts,
          firstRetry,
          timeout,
          lease,
          deliverEvery,
          rulesEvery);
    }
  }
}
