package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.AccessContext;

/**
 * Kills (SIGKILL) a process in the middle of a large append to an H2 file database, reopens the
 * database and checks that the batch is wholly absent (or, if the process won the race and
 * committed, wholly present) and that the audit chain verifies.
 */
class CrashSafetyTest {
  private static final int ROWS = 200_000;

  @Test
  void append_processKilledMidway_batchWhollyAbsentAndAuditVerifies(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("vigil").toAbsolutePath();
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                CrashIngestChild.class.getName(),
                url,
                Integer.toString(ROWS))
            .redirectErrorStream(true)
            .start();
    boolean done = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder before = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null && !line.equals("APPENDING")) {
        before.append(line).append('\n');
      }
      assertThat(line).as("child reached the append; it wrote:\n%s", before).isEqualTo("APPENDING");
      Thread.sleep(1000);
      done = out.ready() && "DONE".equals(out.readLine());
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    try (StoreFixtures.OpenStore open =
        StoreFixtures.open(new StoreFixtures.TestDatabase(url, "", ""), Clock.systemUTC())) {
      long observations = count(open, "SELECT COUNT(*) FROM observation");
      long batches = count(open, "SELECT COUNT(*) FROM ingest_batch");
      if (done) {
        assertThat(List.of(observations, batches)).containsExactly((long) ROWS, 1L);
      } else {
        assertThat(List.of(observations, batches)).containsExactly(0L, 0L);
      }
      assertThat(open.store().audit().verify(AccessContext.system()).valid()).isTrue();
    }
  }

  private static long count(StoreFixtures.OpenStore open, String sql) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
