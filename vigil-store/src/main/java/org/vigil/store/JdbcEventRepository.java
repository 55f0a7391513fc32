package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.EventRepository;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;

/** Events and documents, filtered by the read rule in SQL; writes and sensitive reads audited. */
final class JdbcEventRepository implements EventRepository {
  private final Database db;
  private final AuditLog audit;

  JdbcEventRepository(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  private static void checkWrite(AccessContext ctx, Ownership o, String what) {
    if (!ctx.canWrite(o)) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not write "
              + what
              + " owned by "
              + o.owner()
              + ": expected a data steward or admin of "
              + o.owner()
              + ".");
    }
  }

  @Override
  public Event addEvent(AccessContext ctx, Event e) {
    checkWrite(ctx, e.ownership(), "an event");
    return db.inTransaction(
        "storing an event",
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO event (event_date, area_code, latitude, longitude, plover_category,"
                      + " contexts, actor_types, fatalities, domain, summary, source, owner_org,"
                      + " classification, shared_with) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, e.date());
            ps.setString(2, e.area());
            ps.setObject(3, Double.isNaN(e.latitude()) ? null : e.latitude());
            ps.setObject(4, Double.isNaN(e.longitude()) ? null : e.longitude());
            ps.setString(5, e.ploverCategory());
            ps.setString(6, Codes.list(e.contexts()));
            ps.setString(7, Codes.list(e.actorTypes()));
            ps.setInt(8, e.fatalities());
            ps.setString(9, e.domain() == null ? null : e.domain().name());
            ps.setString(10, e.summary());
            ps.setString(11, e.source());
            ps.setString(12, e.ownership().owner());
            ps.setString(13, e.ownership().classification().name());
            ps.setString(14, Codes.list(e.ownership().sharedWith()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          audit.append(
              c,
              ctx,
              "event.add",
              "event " + id,
              // No content in the detail: the log must not reveal what a NATIONAL event says.
              e.ownership().classification().name());
          return new Event(
              id,
              e.date(),
              e.area(),
              e.latitude(),
              e.longitude(),
              e.ploverCategory(),
              e.contexts(),
              e.actorTypes(),
              e.fatalities(),
              e.domain(),
              e.summary(),
              e.source(),
              e.ownership());
        });
  }

  @Override
  public List<Event> events(
      AccessContext ctx, LocalDate from, LocalDate to, String area, ThreatDomain domain) {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM event e WHERE e.event_date >= ? AND e.event_date <= ?");
    List<Object> params = new ArrayList<>(List.of(from, to));
    if (area != null && !area.isEmpty()) {
      sql.append(" AND e.area_code = ?");
      params.add(area);
    }
    if (domain != null) {
      sql.append(" AND e.domain = ?");
      params.add(domain.name());
    }
    return db.inTransaction(
        "reading events",
        c -> {
          ReadRule.Grants g = ReadRule.grants(c, ctx);
          ReadRule.Filter f = ReadRule.filter(g, "e", "e.domain");
          params.addAll(f.params());
          List<Event> out = new ArrayList<>();
          try (PreparedStatement ps =
                  Database.prepare(
                      c, sql + " AND " + f.sql() + " ORDER BY e.event_date, e.id", params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Event e = event(rs);
              if (!g.canRead(e.ownership(), rs.getString("domain"))) {
                throw new IllegalStateException("Read filter let through event " + e.id());
              }
              out.add(e);
            }
          }
          auditReads(
              c, ctx, "events " + from + ".." + to, out.stream().map(Event::ownership).toList());
          return out;
        });
  }

  private void auditReads(
      java.sql.Connection c, AccessContext ctx, String subject, List<Ownership> read)
      throws SQLException {
    long n = read.stream().filter(o -> ReadRule.audited(o.classification())).count();
    if (n > 0) {
      audit.recordRead(
          ctx,
          subject.startsWith("doc") ? "document.read" : "event.read",
          subject,
          n + " NATIONAL/RESTRICTED records",
          read.stream()
              .filter(o -> ReadRule.audited(o.classification()))
              .map(Ownership::owner)
              .collect(java.util.stream.Collectors.toSet()));
    }
  }

  private static Event event(ResultSet rs) throws SQLException {
    double lat = rs.getDouble("latitude");
    if (rs.wasNull()) {
      lat = Double.NaN;
    }
    double lon = rs.getDouble("longitude");
    if (rs.wasNull()) {
      lon = Double.NaN;
    }
    String d = rs.getString("domain");
    return new Event(
        rs.getLong("id"),
        Database.date(rs, "event_date"),
        rs.getString("area_code"),
        lat,
        lon,
        rs.getString("plover_category"),
        Codes.parseList(rs.getString("contexts")),
        Codes.parseList(rs.getString("actor_types")),
        rs.getInt("fatalities"),
        d == null ? null : ThreatDomain.valueOf(d),
        rs.getString("summary"),
        rs.getString("source"),
        JdbcObservationRepository.ownership(rs));
  }

  @Override
  public Document addDocument(AccessContext ctx, Document d) {
    checkWrite(ctx, d.ownership(), "a document");
    return db.inTransaction(
        "storing a document",
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO document (source, url, lang, published, title, body, domains, areas,"
                      + " owner_org, classification, shared_with) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            Database.bind(
                ps,
                List.of(
                    d.source(),
                    d.url(),
                    d.language(),
                    d.published(),
                    d.title(),
                    d.text(),
                    Codes.list(d.domains().stream().map(Enum::name).collect(Collectors.toSet())),
                    Codes.list(d.areas()),
                    d.ownership().owner(),
                    d.ownership().classification().name(),
                    Codes.list(d.ownership().sharedWith())));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          // The detail names no title: the log must not reveal the content of NATIONAL records.
          audit.append(
              c, ctx, "document.add", "document " + id, d.ownership().classification().name());
          return new Document(
              id,
              d.source(),
              d.url(),
              d.language(),
              d.published(),
              d.title(),
              d.text(),
              d.domains(),
              d.areas(),
              d.ownership());
        });
  }

  /**
   * Documents match a domain filter when they list it; agreements apply per listed domain, so a
   * document is readable under an agreement when any of its domains is covered.
   */
  @Override
  public List<Document> documents(
      AccessContext ctx, String query, String area, ThreatDomain domain) {
    StringBuilder sql = new StringBuilder("SELECT * FROM document d WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query != null && !query.isBlank()) {
      String like = "%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
      sql.append(" AND (LOWER(d.title) LIKE ? ESCAPE '!' OR LOWER(d.body) LIKE ? ESCAPE '!')");
      params.add(like);
      params.add(like);
    }
    if (area != null && !area.isEmpty()) {
      sql.append(" AND POSITION(? IN d.areas) > 0");
      params.add(Codes.member(area));
    }
    if (domain != null) {
      sql.append(" AND POSITION(? IN d.domains) > 0");
      params.add(Codes.member(domain.name()));
    }
    return db.inTransaction(
        "searching documents",
        c -> {
          ReadRule.Grants g = ReadRule.grants(c, ctx);
          // Documents list several domains, so agreements are checked in Java: the SQL admits the
          // plain rule plus the grantors' rows, and readable() decides per document.
          ReadRule.Filter plain = ReadRule.filter(new ReadRule.Grants(ctx, List.of()), "d", "NULL");
          StringBuilder where = new StringBuilder("(").append(plain.sql());
          List<Object> all = new ArrayList<>(params);
          all.addAll(plain.params());
          for (ReadRule.Grant grant : g.grants()) {
            where.append(" OR d.owner_org = ?");
            all.add(grant.grantor());
          }
          where.append(')');
          List<Document> out = new ArrayList<>();
          try (PreparedStatement ps =
                  Database.prepare(
                      c, sql + " AND " + where + " ORDER BY d.published DESC, d.id DESC", all);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Document d = document(rs);
              if (readable(g, d)) {
                out.add(d);
              }
            }
          }
          auditReads(
              c,
              ctx,
              "documents '" + (query == null ? "" : query) + "'",
              out.stream().map(Document::ownership).toList());
          return out;
        });
  }

  private static boolean readable(ReadRule.Grants g, Document d) {
    if (g.canRead(d.ownership(), "")) {
      return true;
    }
    return d.domains().stream().anyMatch(x -> g.canRead(d.ownership(), x.name()));
  }

  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Document document(ResultSet rs) throws SQLException {
    return new Document(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("url"),
        rs.getString("lang"),
        Database.date(rs, "published"),
        rs.getString("title"),
        rs.getString("body"),
        Codes.parseList(rs.getString("domains")).stream()
            .map(ThreatDomain::valueOf)
            .collect(Collectors.toSet()),
        Codes.parseSet(rs.getString("areas")),
        JdbcObservationRepository.ownership(rs));
  }
}
