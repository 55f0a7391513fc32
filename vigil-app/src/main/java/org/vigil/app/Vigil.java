package org.vigil.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.vigil.model.AuditRepository;
import org.vigil.model.EventRepository;
import org.vigil.model.ObservationRepository;
import org.vigil.model.ReferenceRepository;
import org.vigil.model.SharingRepository;
import org.vigil.model.TokenRepository;
import org.vigil.model.UserRepository;
import org.vigil.store.AuditSettings;
import org.vigil.store.H2CrashRebuild;
import org.vigil.store.Store;
import org.vigil.store.StoreException;

/**
 * The composition root: one pooled data source, the migrated store and its repositories, and the
 * clock. Server, CLI, demo loader and benchmarks open one {@code Vigil} and close it when done.
 * Thread-safe.
 */
public final class Vigil implements AutoCloseable {
  private final VigilConfig config;
  private final HikariDataSource dataSource;
  private final Store store;

  private Vigil(VigilConfig config, HikariDataSource dataSource, Store store) {
    this.config = config;
    this.dataSource = dataSource;
    this.store = store;
  }

  /**
   * Connects, brings the schema up to date and opens the repositories.
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static Vigil open(VigilConfig config) {
    H2CrashRebuild.rebuildIfCrashed(
        config.dbUrl(), config.dbUser(), config.dbPassword(), config.clock());
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.dbUrl());
    if (!config.dbUser().isEmpty()) {
      hc.setUsername(config.dbUser());
    }
    if (!config.dbPassword().isEmpty()) {
      hc.setPassword(config.dbPassword());
    }
    hc.setMaximumPoolSize(config.maxPoolSize());
    hc.setMinimumIdle(1);
    hc.setPoolName("vigil");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot open the database at "
              + config.dbUrl()
              + ": "
              + e.getMessage()
              + ". Check VIGIL_DB_URL, VIGIL_DB_USER and VIGIL_DB_PASSWORD (or --db).",
          e);
    }
    try {
      return new Vigil(
          config,
          ds,
          Store.open(
              ds, config.clock(), AuditSettings.forDatabase(config.dbUrl(), System.getenv())));
    } catch (RuntimeException e) {
      ds.close();
      throw e instanceof StoreException
          ? e
          : new StoreException(
              "Cannot prepare the database at " + config.dbUrl() + ": " + e.getMessage(), e);
    }
  }

  public VigilConfig config() {
    return config;
  }

  public Clock clock() {
    return config.clock();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The underlying store (for modules that add their own JDBC repositories). */
  public Store store() {
    return store;
  }

  public ReferenceRepository reference() {
    return store.reference();
  }

  public ObservationRepository observations() {
    return store.observations();
  }

  public UserRepository users() {
    return store.users();
  }

  public EventRepository events() {
    return store.events();
  }

  public AuditRepository audit() {
    return store.audit();
  }

  public TokenRepository tokens() {
    return store.tokens();
  }

  public SharingRepository sharing() {
    return store.sharing();
  }

  public org.vigil.store.ReportingAgreements reportingAgreements() {
    return store.reportingAgreements();
  }

  /** Closes the pool; an in-memory H2 database is dropped. */
  @Override
  public void close() {
    store.close();
    if (config.dbUrl().startsWith("jdbc:h2:mem:")) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // The pool closes anyway; a failed shutdown of a test database loses nothing.
      }
    }
    dataSource.close();
  }
}
