package org.vigil.app.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** Every row of every table, as sorted text: equal dumps mean an unchanged database. */
final class DatabaseDump {
  private DatabaseDump() {}

  static String of(DataSource ds) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                  + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        out.append("== ").append(t).append(" (").append(rows.size()).append(")\n");
        rows.forEach(r -> out.append(r).append('\n'));
      }
    }
    return out.toString();
  }
}
