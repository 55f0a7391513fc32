package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

  @Test
  void forDatabase_h2File_keepsKeysAndCheckpointsBesideTheFile() {
    AuditSettings s =
        AuditSettings.forDatabase("jdbc:h2:file:/srv/vigil/db;LOCK_TIMEOUT=1", Map.of());
    assertThat(s.keyFile()).isEqualTo(Path.of("/srv/vigil/db.audit-keys"));
    assertThat(s.checkpointFile()).isEqualTo(Path.of("/srv/vigil/db.audit-checkpoints"));
  }

  @Test
  void forDatabase_postgres_oneCheckpointFilePerDatabaseAndOneKeyFile() {
    Map<String, String> env = Map.of("VIGIL_AUDIT_DIR", "/var/lib/vigil");
    AuditSettings a =
        AuditSettings.forDatabase("jdbc:postgresql://db.example:5433/vigil?ssl=true", env);
    AuditSettings b = AuditSettings.forDatabase("jdbc:postgresql://db.example:5433/other", env);
    assertThat(a.checkpointFile())
        .isEqualTo(Path.of("/var/lib/vigil/db.example-5433-vigil.audit-checkpoints"));
    assertThat(b.checkpointFile()).isNotEqualTo(a.checkpointFile());
    assertThat(a.keyFile()).isEqualTo(b.keyFile()).isEqualTo(Path.of("/var/lib/vigil/audit-keys"));
  }

  @Test
  void forDatabase_explicitFiles_win() {
    AuditSettings s =
        AuditSettings.forDatabase(
            "jdbc:postgresql://localhost/vigil",
            Map.of("VIGIL_AUDIT_CHECKPOINT_FILE", "/x/cp", "VIGIL_AUDIT_KEY_FILE", "/x/keys"));
    assertThat(s.checkpointFile()).isEqualTo(Path.of("/x/cp"));
    assertThat(s.keyFile()).isEqualTo(Path.of("/x/keys"));
  }

  @Test
  void databaseName_isFileNameSafe() {
    assertThat(AuditSettings.databaseName("jdbc:postgresql://localhost/vigil"))
        .isEqualTo("localhost-vigil");
    assertThat(AuditSettings.databaseName("jdbc:postgresql://[::1]:5432/v")).isEqualTo("1-5432-v");
    assertThat(AuditSettings.databaseName("jdbc:postgresql:")).isEqualTo("database");
  }
}
