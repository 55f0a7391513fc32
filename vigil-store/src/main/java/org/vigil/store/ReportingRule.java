package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;

/**
 * Who may report what, checked in the append's transaction before anything is written:
 *
 * <ul>
 *   <li>an organisation reports for its own area (organisation.area_code) and for the areas a
 *       {@code reporting_agreement} row names, and for every region and district inside them (a
 *       region belongs to its state: area.parent_code); a value for any other area is refused, so
 *       one state cannot store values about another without an agreement;
 *   <li>a period that starts after today (the injected clock, UTC) is refused unless its flags
 *       carry {@value #PROJECTION} (SDMX OBS_STATUS "forecast value"): a stray 2040-01 row must not
 *       become everyone's latest period.
 * </ul>
 *
 * Internal jobs (the system context) load reference and demo data and are not checked.
 */
final class ReportingRule {
  /** The flag that marks a value as a projection, allowed for future periods. */
  static final String PROJECTION = "F";

  private ReportingRule() {}

  static void check(Connection c, AccessContext ctx, Clock clock, Collection<Observation> rows)
      throws SQLException {
    if (ctx.isSystem()) {
      return;
    }
    checkPeriods(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), rows);
    Set<String> roots = reportableAreas(c, ctx.organisation());
    Set<String> allowed = new HashSet<>(roots);
    allowed.addAll(descendants(c, roots));
    Set<String> known = null;
    for (Observation o : rows) {
      if (!allowed.contains(o.area())) {
        known = known == null ? knownAreas(c) : known;
        if (!known.contains(o.area())) {
          continue; // an unknown area is named by the reference check, with all the others
        }
        throw new AccessDeniedException(
            ctx.organisation()
                + " may not report values for area "
                + o.area()
                + " (row "
                + o.indicator()
                + "/"
                + o.area()
                + "/"
                + o.period()
                + "): expected one of its reporting areas "
                + new java.util.TreeSet<>(roots)
                + " and their regions and districts. "
                + ReportingAgreements.howToAsk(c, ctx.organisation(), o.area())
                + "; nothing was written.");
      }
    }
  }

  private static void checkPeriods(LocalDate today, Collection<Observation> rows) {
    for (Observation o : rows) {
      if (o.period().start().isAfter(today) && !isProjection(o.flags())) {
        throw new InvalidInputException(
            "Period "
                + o.period()
                + " of "
                + o.indicator()
                + "/"
                + o.area()
                + " starts after today ("
                + today
                + "): expected a period up to the current one. Fix the period, or flag the value"
                + " '"
                + PROJECTION
                + "' if it is a projection; nothing was written.");
      }
    }
  }

  static boolean isProjection(String flags) {
    for (String f : flags.split(",", -1)) {
      if (f.trim().equalsIgnoreCase(PROJECTION)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> knownAreas(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT code FROM area");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Set<String> reportableAreas(Connection c, String organisation)
      throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT area_code FROM organisation WHERE id = ?"
                + " UNION SELECT area_code FROM reporting_agreement WHERE reporter = ?")) {
      ps.setString(1, organisation);
      ps.setString(2, organisation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Every region and district inside the given areas, at any depth. */
  static Set<String> descendants(Connection c, Set<String> roots) throws SQLException {
    java.util.Map<String, java.util.List<String>> children = new java.util.HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT code, parent_code FROM area WHERE parent_code <> ''");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        children
            .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>())
            .add(rs.getString(1));
      }
    }
    Set<String> out = new HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      for (String child : children.getOrDefault(todo.pop(), java.util.List.of())) {
        if (out.add(child)) {
          todo.push(child);
        }
      }
    }
    return out;
  }
}
