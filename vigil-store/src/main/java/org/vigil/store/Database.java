package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.vigil.model.VigilException;

/** Connections, transactions and parameter binding shared by the repositories. */
final class Database {

  /** The two databases Vigil runs on. */
  enum Dialect {
    H2,
    POSTGRESQL
  }

  /** Work done on one connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dialect = detect(dataSource);
  }

  Dialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  private static Dialect detect(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      String name = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (name.contains("postgres")) {
        return Dialect.POSTGRESQL;
      }
      if (name.contains("h2")) {
        return Dialect.H2;
      }
      throw new IllegalStateException(
          "Unsupported database '" + name + "': Vigil runs on H2 or PostgreSQL");
    } catch (SQLException e) {
      throw new StoreException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs read-only work on a connection in auto-commit mode. */
  <T> T read(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  static VigilException failure(String what, SQLException e) {
    return new StoreException(
        "Database error while "
            + what
            + ": "
            + e.getMessage()
            + " (SQL state "
            + e.getSQLState()
            + "). Nothing was changed by this call; check the database (VIGIL_DB_URL) and retry.",
        e);
  }

  static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(ps, params);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Instant t) {
        ps.setObject(i + 1, timestamp(t));
      } else if (p instanceof LocalDate d) {
        ps.setObject(i + 1, d);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** Instants are stored with microsecond precision, the finer of the two databases' limits. */
  static Instant micros(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime timestamp(Instant t) {
    return micros(t).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  /** The greatest instant both databases store: asOf beyond it means "now and forever". */
  static final Instant LATEST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");
}
