package org.vigil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Rebuilds an H2 file database from a logical copy of itself after a process died in the middle of
 * an ingest, before anything else opens it.
 *
 * <p>Why: when a process writing to an H2 2.x (MVStore) file is killed, H2 rolls its open
 * transactions back on the next open, but the kill test showed three ways the file is left wrong
 * afterwards: entries of the dead transaction stay in the observation table's secondary index
 * marked uncommitted, so a read waits for them until the lock timeout (HYT00) once a live
 * transaction reuses the dead one's id; the table's row count keeps rows no scan returns; and
 * rebuilding the indexes in place (DROP/CREATE INDEX) made a later process fail with "Map ... is
 * closed" and H2 closed the database ("The database has been closed", 90098). A database written
 * afresh from {@code SCRIPT} has none of that: its maps, ids and indexes are new and it holds only
 * committed rows. {@link BatchRecovery} then removes the dead batch's rows as on PostgreSQL.
 *
 * <p>When: only for a {@code jdbc:h2:file:} database that holds an INCOMPLETE batch whose writer
 * row nobody holds, opened by this process alone (another session means the database did not die
 * with the writer: a CLI killed while the server held the file, with {@code AUTO_SERVER}, was
 * rolled back cleanly by the server). The file as it was is kept beside the new one as {@code
 * <name>.mv.db.crashed-<time>} for inspection; delete it when no longer wanted.
 */
public final class H2CrashRebuild {
  private static final System.Logger LOG = System.getLogger(H2CrashRebuild.class.getName());
  private static final String PREFIX = "jdbc:h2:file:";

  private H2CrashRebuild() {}

  /**
   * Rebuilds the database at {@code url} if a killed writer left it with an incomplete batch.
   *
   * @return the path where the file as it was is kept, or empty if nothing was done
   * @throws StoreException when the rebuild failed (the original file is then put back)
   */
  public static Optional<Path> rebuildIfCrashed(
      String url, String user, String password, Clock clock) {
    if (!url.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = url.substring(PREFIX.length());
    int semi = name.indexOf(';');
    Path base = Path.of(semi < 0 ? name : name.substring(0, semi));
    Path file = base.resolveSibling(base.getFileName() + ".mv.db");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    Path script = base.resolveSibling(base.getFileName() + ".recovery.sql.gz");
    try {
      String existing =
          url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
      try (Connection c = DriverManager.getConnection(existing, props)) {
        if (!deadBatch(c)) {
          return Optional.empty();
        }
        try (Statement s = c.createStatement()) {
          s.execute("SCRIPT TO '" + sqlString(script) + "' COMPRESSION GZIP");
          s.execute("SHUTDOWN");
        }
      }
    } catch (SQLException e) {
      deleteQuietly(script);
      throw new StoreException(
          "The H2 database "
              + file
              + " was left incomplete by a stopped ingest and could not be copied for repair: "
              + e.getMessage()
              + ". Nothing was changed; open it again, or restore it from a backup.",
          e);
    }
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC)
            .format(clock.instant());
    Path kept = file.resolveSibling(file.getFileName() + ".crashed-" + stamp);
    for (int n = 2; Files.exists(kept); n++) {
      kept = file.resolveSibling(file.getFileName() + ".crashed-" + stamp + "-" + n);
    }
    try {
      Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(script);
      throw new StoreException(
          "Cannot move the crashed H2 file " + file + " aside for repair: " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection(url, props);
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + sqlString(script) + "' COMPRESSION GZIP");
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      try {
        Files.deleteIfExists(file);
        Files.move(kept, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException restore) {
        e.addSuppressed(restore);
      }
      throw new StoreException(
          "Rebuilding the H2 database "
              + file
              + " after a stopped ingest failed: "
              + e.getMessage()
              + ". The file was put back as it was; the logical copy is "
              + script,
          e);
    }
    deleteQuietly(script);
    LOG.log(
        System.Logger.Level.WARNING,
        "A stopped ingest left {0} incomplete: rebuilt it from a logical copy (the file as it was"
            + " is kept as {1})",
        file,
        kept);
    return Optional.of(kept);
  }

  /**
   * True if the database holds an INCOMPLETE batch whose writer is gone, and this is the only
   * session.
   */
  private static boolean deadBatch(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCK_TIMEOUT 2000");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                  + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'INGEST_BATCH'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return false;
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM ingest_batch WHERE status <> 'COMPLETE'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return false;
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
        rs.next();
        if (rs.getInt(1) > 1) {
          return false;
        }
      }
    }
    return true;
  }

  private static String sqlString(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "Cannot delete " + p + ": " + e.getMessage());
    }
  }
}
