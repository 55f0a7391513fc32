package org.vigil.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the audit log's secrets and checkpoints live: outside the database, so that someone who can
 * edit the database cannot rewrite the log undetected.
 *
 * <ul>
 *   <li>{@code VIGIL_AUDIT_KEY}: the MAC keys as {@code id:base64[,id:base64...]}, the last one
 *       current (older ones stay for verification). Takes precedence over the key file.
 *   <li>{@code VIGIL_AUDIT_KEY_FILE}: a file of lines {@code <id> <base64 key>}, the last one
 *       current; created with one random key (mode 600) when missing. Default: beside the H2 file
 *       ({@code ./data/vigil.audit-keys}), or {@code $VIGIL_AUDIT_DIR/audit-keys} (default {@code
 *       ./data}) for PostgreSQL.
 *   <li>{@code VIGIL_AUDIT_CHECKPOINT_FILE}: the append-only file of signed checkpoints of the
 *       chain's head. Default beside the H2 file ({@code ./data/vigil.audit-checkpoints}), or for
 *       another database one file per database in {@code $VIGIL_AUDIT_DIR}, named after its host,
 *       port and name ({@code localhost-5432-vigil.audit-checkpoints}): each database's chain has
 *       its own checkpoints, so two databases never check against each other's head.
 *   <li>{@code VIGIL_AUDIT_CHECKPOINT_SECONDS}: how often the head is checkpointed (default 30); it
 *       is also checkpointed when the store opens and closes.
 * </ul>
 *
 * An in-memory H2 database gets a random key and in-memory checkpoints that live as long as the
 * store (tests).
 *
 * @param keyFile the key file, null for an in-memory key (unless {@code envKeys} is set)
 * @param envKeys keys given inline ({@code id:base64,...}), empty when none
 * @param checkpointFile the checkpoint file, null for in-memory checkpoints
 * @param checkpointEvery how often the head is checkpointed
 */
public record AuditSettings(
    Path keyFile, String envKeys, Path checkpointFile, Duration checkpointEvery) {
  public AuditSettings {
    envKeys = envKeys == null ? "" : envKeys.strip();
    if (checkpointEvery == null || checkpointEvery.isNegative() || checkpointEvery.isZero()) {
      throw new IllegalArgumentException(
          "The audit checkpoint interval must be positive, found " + checkpointEvery);
    }
  }

  /** Random key and checkpoints in memory: for tests and throw-away databases. */
  public static AuditSettings inMemory() {
    return new AuditSettings(null, "", null, Duration.ofSeconds(30));
  }

  /** Key file {@code audit-keys} and checkpoint file {@code audit-checkpoints} in one directory. */
  public static AuditSettings inDirectory(Path dir) {
    return new AuditSettings(
        dir.resolve("audit-keys"), "", dir.resolve("audit-checkpoints"), Duration.ofSeconds(30));
  }

  /** The settings for a database URL and an environment (see the class comment). */
  public static AuditSettings forDatabase(String jdbcUrl, Map<String, String> env) {
    String url = jdbcUrl == null ? "" : jdbcUrl;
    Path keyFile;
    Path checkpointFile;
    if (url.startsWith("jdbc:h2:mem:")) {
      keyFile = null;
      checkpointFile = null;
    } else {
      if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")) {
        String base = url.substring("jdbc:h2:".length());
        base = base.startsWith("file:") ? base.substring("file:".length()) : base;
        int semi = base.indexOf(';');
        base = semi < 0 ? base : base.substring(0, semi);
        keyFile = Path.of(base + ".audit-keys");
        checkpointFile = Path.of(base + ".audit-checkpoints");
      } else {
        Path dir = Path.of(env.getOrDefault("VIGIL_AUDIT_DIR", "./data"));
        keyFile = dir.resolve("audit-keys");
        checkpointFile = dir.resolve(databaseName(url) + ".audit-checkpoints");
      }
    }
    String kf = env.getOrDefault("VIGIL_AUDIT_KEY_FILE", "");
    if (!kf.isBlank()) {
      keyFile = Path.of(kf);
    }
    String cf = env.getOrDefault("VIGIL_AUDIT_CHECKPOINT_FILE", "");
    if (!cf.isBlank()) {
      checkpointFile = Path.of(cf);
    }
    Duration every = Duration.ofSeconds(30);
    String secs = env.getOrDefault("VIGIL_AUDIT_CHECKPOINT_SECONDS", "");
    if (!secs.isBlank()) {
      try {
        every = Duration.ofSeconds(Long.parseLong(secs.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "VIGIL_AUDIT_CHECKPOINT_SECONDS must be a whole number of seconds, found '"
                + secs
                + "'",
            e);
      }
    }
    return new AuditSettings(
        keyFile, env.getOrDefault("VIGIL_AUDIT_KEY", ""), checkpointFile, every);
  }

  /**
   * A file-name-safe name of the database a URL points at: {@code
   * jdbc:postgresql://db.example:5433/vigil?ssl=true} gives {@code db.example-5433-vigil}.
   */
  static String databaseName(String url) {
    String rest = url.replaceFirst("^jdbc:[a-z0-9]+:(//)?", "");
    int q = rest.indexOf('?');
    rest = q < 0 ? rest : rest.substring(0, q);
    String name = rest.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^[-.]+|-+$", "");
    return name.isEmpty() ? "database" : name;
  }

  /** The same settings with another checkpoint interval. */
  public AuditSettings withCheckpointEvery(Duration every) {
    return new AuditSettings(keyFile, envKeys, checkpointFile, every);
  }
}
