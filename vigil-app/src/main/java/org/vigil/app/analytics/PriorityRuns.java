package org.vigil.app.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.vigil.analytics.priority.Priority;
import org.vigil.analytics.priority.PriorityList;
import org.vigil.model.VigilException;

/**
 * The stored priority runs (tables of migration V30), one history per organisation. Insert-only.
 */
final class PriorityRuns {
  private final DataSource ds;

  PriorityRuns(DataSource ds) {
    this.ds = ds;
  }

  /**
   * The last stored run of an organisation.
   *
   * @param period its period
   * @param ranks rank per DOMAIN|AREA key
   */
  record Previous(String period, Map<String, Integer> ranks) {}

  Optional<Previous> last(String organisation) {
    String sql =
        "SELECT run_id, period_code FROM analytics_priority_run WHERE organisation = ?"
            + " ORDER BY run_at DESC, run_id DESC";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, organisation);
      ps.setMaxRows(1);
      long id;
      String period;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        period = rs.getString(2);
      }
      Map<String, Integer> ranks = new HashMap<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT domain_code, area_code, rank_no FROM analytics_priority_entry WHERE run_id = ?")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            ranks.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3));
          }
        }
      }
      return Optional.of(new Previous(period, ranks));
    } catch (SQLException e) {
      throw new VigilException("Cannot read the last priority run: " + e.getMessage(), e);
    }
  }

  void save(String organisation, Instant at, PriorityList list) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT COALESCE(MAX(run_id), 0) + 1 FROM analytics_priority_run");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO analytics_priority_run (run_id, organisation, run_at, period_code,"
                    + " methodology) VALUES (?, ?, ?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setString(2, organisation);
          ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          ps.setString(4, list.period().toString());
          ps.setString(5, list.methodology());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO analytics_priority_entry (run_id, domain_code, area_code, rank_no,"
                    + " score) VALUES (?, ?, ?, ?, ?)")) {
          for (Priority p : list.priorities()) {
            ps.setLong(1, id);
            ps.setString(2, p.domain());
            ps.setString(3, p.area());
            ps.setInt(4, p.rank());
            ps.setDouble(5, p.score());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new VigilException("Cannot store the priority run: " + e.getMessage(), e);
    }
  }
}
