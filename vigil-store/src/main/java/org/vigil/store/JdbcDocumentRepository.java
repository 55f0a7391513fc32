package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.model.text.DocumentAlias;
import org.vigil.model.text.DocumentRepository;
import org.vigil.model.text.Fingerprint;
import org.vigil.model.text.ReadGrant;
import org.vigil.model.text.TextDocument;

/**
 * Texts on JDBC (H2 or PostgreSQL), in the {@code document} table with the columns of V90. Reads
 * are filtered in SQL by the read rule and checked again per row (a document is readable under an
 * agreement when any of its domains is covered); reads of NATIONAL/RESTRICTED texts and every write
 * are audited. Thread-safe.
 */
public final class JdbcDocumentRepository implements DocumentRepository {
  private static final int PAGE = 500;
  private final Database db;
  private final AuditLog audit;

  private JdbcDocumentRepository(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Opens the repository on a migrated data source (see {@link Store#open}). */
  public static DocumentRepository open(DataSource dataSource, Clock clock) {
    Database db = new Database(dataSource);
    return new JdbcDocumentRepository(db, AuditLog.on(db, clock));
  }

  private static void checkWrite(AccessContext ctx, Ownership o) {
    if (!ctx.canWrite(o)) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not store texts owned by "
              + o.owner()
              + ": expected a data steward or admin of "
              + o.owner()
              + ".");
    }
  }

  @Override
  public List<Fingerprint> fingerprints(AccessContext ctx, String owner) {
    if (!ctx.isSystem() && !ctx.canWrite(Ownership.of(owner, Classification.PUBLIC))) {
      throw new AccessDeniedException(
          ctx.user() + " may not list the texts of " + owner + ": expected a data steward of it.");
    }
    return db.read(
        "reading text fingerprints",
        c -> {
          List<Fingerprint> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT d.id, d.content_hash, d.simhash FROM document d WHERE d.owner_org = ?"
                      + " AND d.content_hash IS NOT NULL UNION ALL SELECT s.document_id,"
                      + " s.content_hash, 0 FROM document_source s JOIN document d ON d.id ="
                      + " s.document_id WHERE d.owner_org = ?")) {
            ps.setString(1, owner);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Fingerprint(rs.getLong(1), rs.getString(2), rs.getLong(3)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<TextDocument> store(
      AccessContext ctx, List<TextDocument> drafts, List<DocumentAlias> aliases) {
    for (TextDocument t : drafts) {
      checkWrite(ctx, t.document().ownership());
    }
    if (drafts.isEmpty() && aliases.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        "storing texts",
        c -> {
          List<TextDocument> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO document (source, url, lang, published, title, body, domains, areas,"
                      + " owner_org, classification, shared_with, content_hash, simhash, analysed,"
                      + " categories, extraction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            for (TextDocument t : drafts) {
              Document d = t.document();
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
                      Codes.list(d.ownership().sharedWith()),
                      t.contentHash(),
                      t.simhash(),
                      t.analysed(),
                      Codes.list(t.categories()),
                      t.extractionJson()));
              ps.executeUpdate();
              long id;
              try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
              }
              out.add(withId(t, id, 1));
            }
          }
          Map<Long, Integer> extra = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO document_source (document_id, source, url, published, content_hash)"
                      + " VALUES (?,?,?,?,?)")) {
            for (DocumentAlias a : aliases) {
              long target = a.documentId();
              if (target == 0) {
                if (a.draftIndex() < 0 || a.draftIndex() >= out.size()) {
                  throw new InvalidInputException(
                      "Near-duplicate refers to draft " + a.draftIndex() + " of " + out.size());
                }
                target = out.get(a.draftIndex()).id();
              } else {
                Ownership o = ownership(c, target);
                checkWrite(ctx, o);
              }
              Database.bind(
                  ps, List.of(target, a.source(), a.url(), a.published(), a.contentHash()));
              ps.executeUpdate();
              extra.merge(target, 1, Integer::sum);
            }
          }
          for (int i = 0; i < out.size(); i++) {
            TextDocument t = out.get(i);
            out.set(i, withId(t, t.id(), 1 + extra.getOrDefault(t.id(), 0)));
          }
          Set<String> classes = new TreeSet<>();
          drafts.forEach(t -> classes.add(t.document().ownership().classification().name()));
          // No titles or text in the detail: the log must not reveal what a NATIONAL text says.
          audit.append(
              c,
              ctx,
              "document.add",
              out.isEmpty()
                  ? "documents (near-duplicates only)"
                  : "documents " + out.get(0).id() + ".." + out.get(out.size() - 1).id(),
              out.size()
                  + " texts, "
                  + aliases.size()
                  + " near-duplicates grouped; "
                  + String.join(",", classes));
          return out;
        });
  }

  private static Ownership ownership(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT owner_org, classification, shared_with FROM document WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidInputException("Document " + id + " does not exist");
        }
        return JdbcObservationRepository.ownership(rs);
      }
    }
  }

  private static TextDocument withId(TextDocument t, long id, int sources) {
    Document d = t.document();
    return new TextDocument(
        new Document(
            id,
            d.source(),
            d.url(),
            d.language(),
            d.published(),
            d.title(),
            d.text(),
            d.domains(),
            d.areas(),
            d.ownership()),
        t.contentHash(),
        t.simhash(),
        t.analysed(),
        t.categories(),
        t.extractionJson(),
        sources);
  }

  @Override
  public Optional<TextDocument> find(AccessContext ctx, long id) {
    List<TextDocument> one = byIds(ctx, List.of(id));
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  @Override
  public List<TextDocument> byIds(AccessContext ctx, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        "reading texts",
        c -> {
          ReadRule.Grants g = ReadRule.grants(c, ctx);
          Map<Long, TextDocument> found = new HashMap<>();
          List<Long> unique = new ArrayList<>(new LinkedHashSet<>(ids));
          for (int from = 0; from < unique.size(); from += PAGE) {
            List<Long> part = unique.subList(from, Math.min(unique.size(), from + PAGE));
            List<Object> params = new ArrayList<>(part);
            String in = part.stream().map(x -> "?").collect(Collectors.joining(","));
            StringBuilder where = new StringBuilder(" AND (");
            ReadRule.Filter plain =
                ReadRule.filter(new ReadRule.Grants(ctx, List.of()), "d", "NULL");
            where.append(plain.sql());
            params.addAll(plain.params());
            for (ReadRule.Grant grant : g.grants()) {
              where.append(" OR d.owner_org = ?");
              params.add(grant.grantor());
            }
            where.append(')');
            try (PreparedStatement ps =
                    Database.prepare(
                        c,
                        "SELECT d.*, (SELECT COUNT(*) FROM document_source s WHERE s.document_id ="
                            + " d.id) AS aliases FROM document d WHERE d.id IN ("
                            + in
                            + ")"
                            + where,
                        params);
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                TextDocument t = text(rs);
                if (readable(g, t.document())) {
                  found.put(t.id(), t);
                }
              }
            }
          }
          List<TextDocument> out = new ArrayList<>();
          for (Long id : unique) {
            TextDocument t = found.get(id);
            if (t != null) {
              out.add(t);
            }
          }
          List<Ownership> audited =
              out.stream()
                  .map(t -> t.document().ownership())
                  .filter(o -> ReadRule.audited(o.classification()))
                  .toList();
          if (!audited.isEmpty()) {
            audit.recordRead(
                ctx,
                "document.read",
                out.size() == 1 ? "document " + out.get(0).id() : "documents " + out.size(),
                audited.size() + " NATIONAL/RESTRICTED texts",
                audited.stream().map(Ownership::owner).collect(Collectors.toSet()));
          }
          return out;
        });
  }

  @Override
  public void forEach(AccessContext ctx, Consumer<TextDocument> each) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user() + " may not read every text: only the system rebuilds the search index.");
    }
    long after = 0;
    while (true) {
      long from = after;
      List<TextDocument> page =
          db.read(
              "reading texts for the index",
              c -> {
                List<TextDocument> out = new ArrayList<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT d.*, (SELECT COUNT(*) FROM document_source s WHERE s.document_id ="
                            + " d.id) AS aliases FROM document d WHERE d.id > ? ORDER BY d.id"
                            + " FETCH FIRST "
                            + PAGE
                            + " ROWS ONLY")) {
                  ps.setLong(1, from);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(text(rs));
                    }
                  }
                }
                return out;
              });
      if (page.isEmpty()) {
        return;
      }
      page.forEach(each);
      after = page.get(page.size() - 1).id();
    }
  }

  @Override
  public List<ReadGrant> grants(AccessContext ctx) {
    return db.read(
        "reading sharing agreements",
        c ->
            ReadRule.grants(c, ctx).grants().stream()
                .map(g -> new ReadGrant(g.grantor(), g.classification(), g.domain()))
                .toList());
  }

  private static boolean readable(ReadRule.Grants g, Document d) {
    if (g.canRead(d.ownership(), "")) {
      return true;
    }
    return d.domains().stream().anyMatch(x -> g.canRead(d.ownership(), x.name()));
  }

  private static TextDocument text(ResultSet rs) throws SQLException {
    Document d =
        new Document(
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
    String hash = rs.getString("content_hash");
    String extraction = rs.getString("extraction");
    return new TextDocument(
        d,
        hash == null ? "legacy-" + d.id() : hash,
        rs.getLong("simhash"),
        rs.getBoolean("analysed"),
        Codes.parseSet(rs.getString("categories")),
        extraction == null ? "{}" : extraction,
        1 + rs.getInt("aliases"));
  }
}
