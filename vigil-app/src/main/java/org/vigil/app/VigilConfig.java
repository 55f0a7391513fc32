package org.vigil.app;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.vigil.app.notify.NotifyConfig;

/**
 * Where the data lives, which clock Vigil uses and where notifications go out. Immutable; change
 * with the {@code with...} methods.
 *
 * @param dbUrl JDBC URL: {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
 * @param dbUser database user (empty for H2's default)
 * @param dbPassword database password (empty when none)
 * @param maxPoolSize largest number of pooled connections
 * @param clock the clock for vintages, audit entries and tokens
 * @param notifications e-mail (SMTP), webhooks and the server's delivery and kept-rule schedules
 */
public record VigilConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    int maxPoolSize,
    Clock clock,
    NotifyConfig notifications) {

  /**
   * The default database: an embedded H2 file under ./data/, shared between the CLI and the server
   * (AUTO_SERVER) and waiting up to 10 s for a lock held by another transaction.
   */
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./data/vigil;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";

  public VigilConfig {
    if (dbUrl == null || !dbUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "Database URL must start with 'jdbc:' (e.g. jdbc:postgresql://host/vigil), found '"
              + dbUrl
              + "'");
    }
    if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "Vigil runs on H2 or PostgreSQL: expected jdbc:h2:... or jdbc:postgresql:..., found '"
              + dbUrl
              + "'");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be >= 1, found " + maxPoolSize);
    }
    dbUser = dbUser == null ? "" : dbUser;
    dbPassword = dbPassword == null ? "" : dbPassword;
    Objects.requireNonNull(clock, "clock");
    notifications = notifications == null ? NotifyConfig.NONE : notifications;
  }

  /** Without notifications configured (inbox only). */
  public VigilConfig(String dbUrl, String dbUser, String dbPassword, int maxPoolSize, Clock clock) {
    this(dbUrl, dbUser, dbPassword, maxPoolSize, clock, NotifyConfig.NONE);
  }

  /**
   * VIGIL_DB_URL, VIGIL_DB_USER, VIGIL_DB_PASSWORD (the H2 file database when unset), and the
   * notification settings of {@link NotifyConfig#fromEnvironment} (VIGIL_SMTP_HOST, ...).
   */
  public static VigilConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static VigilConfig fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("VIGIL_DB_URL", "");
    return new VigilConfig(
        url.isBlank() ? DEFAULT_URL : url,
        env.getOrDefault("VIGIL_DB_USER", ""),
        env.getOrDefault("VIGIL_DB_PASSWORD", ""),
        10,
        Clock.systemUTC(),
        NotifyConfig.fromEnvironment(env));
  }

  /** A private in-memory H2 database that lives until {@link Vigil#close()}; for tests. */
  public static VigilConfig h2InMemory(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "In-memory database name must be 1-64 letters, digits, '_' or '-', found '" + name + "'");
    }
    return new VigilConfig(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "",
        "",
        4,
        Clock.systemUTC());
  }

  /** A PostgreSQL (or H2) database by URL, user and password. */
  public static VigilConfig of(String dbUrl, String dbUser, String dbPassword) {
    return new VigilConfig(dbUrl, dbUser, dbPassword, 10, Clock.systemUTC());
  }

  public VigilConfig withDbUrl(String url) {
    return new VigilConfig(url, dbUser, dbPassword, maxPoolSize, clock, notifications);
  }

  public VigilConfig withCredentials(String user, String password) {
    return new VigilConfig(dbUrl, user, password, maxPoolSize, clock, notifications);
  }

  public VigilConfig withClock(Clock newClock) {
    return new VigilConfig(dbUrl, dbUser, dbPassword, maxPoolSize, newClock, notifications);
  }

  public VigilConfig withMaxPoolSize(int size) {
    return new VigilConfig(dbUrl, dbUser, dbPassword, size, clock, notifications);
  }

  /** The same configuration with other notification settings. */
  public VigilConfig withNotifications(NotifyConfig newNotify) {
    return new VigilConfig(dbUrl, dbUser, dbPassword, maxPoolSize, clock, newNotify);
  }

  public boolean isH2() {
    return dbUrl.startsWith("jdbc:h2:");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "VigilConfig["
        + dbUrl
        + ", user="
        + dbUser
        + ", pool="
        + maxPoolSize
        + ", "
        + notifications
        + "]";
  }
}
