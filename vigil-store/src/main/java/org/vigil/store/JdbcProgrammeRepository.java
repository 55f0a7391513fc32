package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeAccess;
import org.vigil.model.programme.ProgrammeCodec;
import org.vigil.model.programme.ProgrammeDiff;
import org.vigil.model.programme.ProgrammeHistory;
import org.vigil.model.programme.ProgrammeRepository;
import org.vigil.model.programme.ProgrammeRevision;
import org.vigil.model.programme.RevisionConsent;
import org.vigil.model.programme.RevisionDecision;
import org.vigil.model.programme.RevisionState;

/**
 * Programmes on JDBC (H2 or PostgreSQL): versions as immutable JSON snapshots (the codec writes
 * them), decisions and reports as insert-only rows. Access follows {@link ProgrammeAccess}; every
 * write and every read of NATIONAL or RESTRICTED reports by a user is audited in the same
 * transaction. Thread-safe.
 *
 * <p>Version rule: a draft is made from the version in force (0 when none is), and a draft may be
 * approved only while its base is still the version in force, so approving one draft never loses
 * the changes of another: the second must be drafted again from the new version.
 */
public final class JdbcProgrammeRepository implements ProgrammeRepository {
  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final ProgrammeCodec codec;

  private JdbcProgrammeRepository(Database db, AuditLog audit, Clock clock, ProgrammeCodec codec) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.codec = codec;
  }

  /** Opens the repository on a migrated data source (see {@link Store#open}). */
  public static ProgrammeRepository open(DataSource dataSource, Clock clock, ProgrammeCodec codec) {
    Database db = new Database(dataSource);
    return new JdbcProgrammeRepository(db, AuditLog.on(db, clock), clock, codec);
  }

  @Override
  public List<String> programmes(AccessContext ctx) {
    return db.read(
        "listing programmes",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT DISTINCT programme_code FROM programme_revision ORDER BY"
                          + " programme_code");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Override
  public ProgrammeHistory history(AccessContext ctx, String programme) {
    return db.read("reading programme " + programme, c -> history(c, programme));
  }

  private ProgrammeHistory history(Connection c, String programme) throws SQLException {
    Map<Integer, RevisionDecision> decisions = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, decision, decided_by, decided_org, decided_at, comment_text FROM"
                + " programme_decision WHERE programme_code = ?")) {
      ps.setString(1, programme);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          decisions.put(
              rs.getInt("version"),
              new RevisionDecision(
                  RevisionState.valueOf(rs.getString("decision")),
                  rs.getString("decided_by"),
                  rs.getString("decided_org"),
                  Database.instant(rs, "decided_at"),
                  rs.getString("comment_text")));
        }
      }
    }
    Map<Integer, List<RevisionConsent>> consents = consents(c, programme);
    List<ProgrammeRevision> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, base_version, author, author_org, created_at, reason, content,"
                + " consent_required FROM programme_revision WHERE programme_code = ? ORDER BY"
                + " version")) {
      ps.setString(1, programme);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int v = rs.getInt("version");
          out.add(
              new ProgrammeRevision(
                  programme,
                  v,
                  rs.getInt("base_version"),
                  rs.getString("author"),
                  rs.getString("author_org"),
                  Database.instant(rs, "created_at"),
                  rs.getString("reason"),
                  codec.read(rs.getString("content")),
                  Optional.ofNullable(decisions.get(v)),
                  Codes.parseList(rs.getString("consent_required")),
                  consents.getOrDefault(v, List.of())));
        }
      }
    }
    return new ProgrammeHistory(out);
  }

  private static Map<Integer, List<RevisionConsent>> consents(Connection c, String programme)
      throws SQLException {
    Map<Integer, List<RevisionConsent>> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version, party, consented_by, consented_org, consented_at, comment_text FROM"
                + " programme_consent WHERE programme_code = ? ORDER BY consented_at, party")) {
      ps.setString(1, programme);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getInt("version"), k -> new ArrayList<>())
              .add(
                  new RevisionConsent(
                      rs.getString("party"),
                      rs.getString("consented_by"),
                      rs.getString("consented_org"),
                      Database.instant(rs, "consented_at"),
                      rs.getString("comment_text")));
        }
      }
    }
    return out;
  }

  @Override
  public ProgrammeRevision draft(
      AccessContext ctx, Programme content, int baseVersion, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "A revision of " + content.code() + " needs a reason: say why the programme changes");
    }
    return db.inTransaction(
        "drafting a revision of " + content.code(),
        c -> {
          ProgrammeHistory h = history(c, content.code());
          Optional<ProgrammeRevision> active = h.active();
          int activeVersion = active.map(ProgrammeRevision::version).orElse(0);
          if (baseVersion != activeVersion) {
            throw new InvalidInputException(
                "Cannot draft "
                    + content.code()
                    + " from version "
                    + baseVersion
                    + ": expected the version in force, "
                    + activeVersion
                    + "; load it and make the change again");
          }
          Programme governing = active.map(ProgrammeRevision::content).orElse(content);
          ProgrammeAccess access = access(c, ctx);
          access.checkDraft(governing);
          if (active.isPresent()
              && ProgrammeDiff.compare(active.get().content(), content).isEmpty()) {
            throw new InvalidInputException(
                "The draft of "
                    + content.code()
                    + " is the same as version "
                    + activeVersion
                    + ": nothing to revise");
          }
          String json = codec.write(content);
          ProgrammeRevision r =
              new ProgrammeRevision(
                  content.code(),
                  h.nextVersion(),
                  baseVersion,
                  ctx.user(),
                  ctx.organisation(),
                  Database.micros(clock.instant()),
                  reason.strip(),
                  content,
                  Optional.empty(),
                  access.consentRequired(active.map(ProgrammeRevision::content), content),
                  List.of());
          insertRevision(c, r, json);
          audit.append(
              c,
              ctx,
              "programme.draft",
              content.code() + " v" + r.version(),
              "from v"
                  + baseVersion
                  + ": "
                  + r.reason()
                  + (r.consentRequired().isEmpty()
                      ? ""
                      : "; changes KPIs or measures of "
                          + String.join(", ", r.consentRequired())
                          + ", awaiting their approval"));
          return r;
        });
  }

  private static void insertRevision(Connection c, ProgrammeRevision r, String json)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO programme_revision (programme_code, version, base_version, author,"
                + " author_org, created_at, reason, content, content_sha256, consent_required)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      Database.bind(
          ps,
          List.of(
              r.programme(),
              r.version(),
              r.baseVersion(),
              r.author(),
              r.organisation(),
              r.createdAt(),
              r.reason(),
              json,
              sha256(json),
              Codes.list(r.consentRequired())));
      ps.executeUpdate();
    }
  }

  @Override
  public ProgrammeRevision decide(
      AccessContext ctx, String programme, int version, RevisionState state, String comment) {
    return db.inTransaction(
        "deciding on " + programme + " v" + version,
        c -> {
          ProgrammeHistory h = history(c, programme);
          ProgrammeRevision r =
              h.version(version)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "Programme "
                                  + programme
                                  + " has no version "
                                  + version
                                  + ": expected one of "
                                  + h.revisions().stream()
                                      .map(ProgrammeRevision::version)
                                      .toList()));
          Optional<ProgrammeRevision> active = h.active();
          Programme governing = active.map(ProgrammeRevision::content).orElse(r.content());
          ProgrammeAccess access = access(c, ctx);
          access.checkDecide(governing);
          if (r.state() != RevisionState.DRAFT) {
            throw new InvalidInputException(
                programme
                    + " v"
                    + version
                    + " is already "
                    + r.state()
                    + ": only drafts can be decided on");
          }
          int activeVersion = active.map(ProgrammeRevision::version).orElse(0);
          if (state == RevisionState.APPROVED && r.baseVersion() != activeVersion) {
            throw new InvalidInputException(
                "Cannot approve "
                    + programme
                    + " v"
                    + version
                    + ": it was drafted from v"
                    + r.baseVersion()
                    + " but v"
                    + activeVersion
                    + " is in force now; reject it and draft the change again from v"
                    + activeVersion);
          }
          Instant at = Database.micros(clock.instant());
          if (state == RevisionState.APPROVED) {
            ProgrammeAccess.Approval approval = access.checkApprove(governing, r);
            if (approval.consentOf().isPresent()) {
              RevisionConsent consent =
                  new RevisionConsent(
                      approval.consentOf().get(), ctx.user(), ctx.organisation(), at, comment);
              insertConsent(c, programme, version, consent);
              r = r.withConsent(consent);
              audit.append(
                  c,
                  ctx,
                  "programme.consent",
                  programme + " v" + version,
                  consent.party()
                      + " approves the change of its KPIs"
                      + (r.awaitingConsentOf().isEmpty()
                          ? ""
                          : "; still awaiting " + String.join(", ", r.awaitingConsentOf()))
                      + (consent.comment().isEmpty() ? "" : ": " + consent.comment()));
            }
            if (!approval.takesEffect()) {
              return r;
            }
          }
          RevisionDecision d =
              new RevisionDecision(state, ctx.user(), ctx.organisation(), at, comment);
          insertDecision(c, programme, version, d);
          audit.append(
              c,
              ctx,
              "programme." + state.name().toLowerCase(java.util.Locale.ROOT),
              programme + " v" + version,
              d.comment());
          return r.withDecision(d);
        });
  }

  private static void insertConsent(Connection c, String programme, int version, RevisionConsent x)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO programme_consent (programme_code, version, party, consented_by,"
                + " consented_org, consented_at, comment_text) VALUES (?,?,?,?,?,?,?)")) {
      Database.bind(
          ps,
          List.of(programme, version, x.party(), x.by(), x.organisation(), x.at(), x.comment()));
      ps.executeUpdate();
    }
  }

  private static void insertDecision(
      Connection c, String programme, int version, RevisionDecision d) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO programme_decision (programme_code, version, decision, decided_by,"
                + " decided_org, decided_at, comment_text) VALUES (?,?,?,?,?,?,?)")) {
      Database.bind(
          ps,
          List.of(
              programme, version, d.state().name(), d.by(), d.organisation(), d.at(), d.comment()));
      ps.executeUpdate();
    }
  }

  @Override
  public ImplementationReport file(AccessContext ctx, ImplementationReport report) {
    return db.inTransaction(
        "filing a report on " + report.programme() + " " + report.measure(),
        c -> {
          Programme p = inForce(c, report.programme());
          ProgrammeAccess access = access(c, ctx);
          access.checkFile(p, report, organisation(c, report.ownership().owner()));
          checkReport(c, p, report);
          ImplementationReport stored = insertReport(c, ctx, report);
          audit.append(
              c,
              ctx,
              "programme.report.file",
              report.programme()
                  + " "
                  + report.measure()
                  + " "
                  + report.party()
                  + " "
                  + report.period(),
              "report " + stored.id() + ", " + report.ownership().classification());
          return stored;
        });
  }

  private void checkReport(Connection c, Programme p, ImplementationReport r) throws SQLException {
    var m =
        p.measure(r.measure())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Report names measure '"
                            + r.measure()
                            + "' that "
                            + p.code()
                            + " does not have: expected one of "
                            + p.measures().stream().map(x -> x.code()).toList()));
    if (!m.involves(r.party())) {
      throw new InvalidInputException(
          "Report by "
              + r.party()
              + " on "
              + m.code()
              + ": the party does not take part in it;"
              + " expected one of "
              + m.states());
    }
    if (r.period().frequency() != p.reporting()) {
      throw new InvalidInputException(
          "Report period "
              + r.period()
              + " is "
              + r.period().frequency()
              + ": "
              + p.code()
              + " reports "
              + p.reporting());
    }
    for (String org : r.ownership().sharedWith()) {
      Optional<Organisation> o = organisation(c, org);
      if (o.isEmpty() || !(o.get().secretariat() || p.isParty(o.get().area()))) {
        throw new InvalidInputException(
            "Report shared with '"
                + org
                + "': RESTRICTED reports may be shared only with"
                + " organisations of the parties "
                + p.parties()
                + " or the secretariat");
      }
    }
  }

  private ImplementationReport insertReport(Connection c, AccessContext ctx, ImplementationReport r)
      throws SQLException {
    Instant at = Database.micros(clock.instant());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO programme_report (programme_code, measure_code, party, period_code,"
                + " status, percent_done, narrative, evidence, owner_org, classification,"
                + " shared_with, submitted_by, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      Database.bind(
          ps,
          List.of(
              r.programme(),
              r.measure(),
              r.party(),
              Codes.period(r.period()),
              r.status().name(),
              r.percentDone(),
              r.narrative(),
              String.join("\n", r.evidence()),
              r.ownership().owner(),
              r.ownership().classification().name(),
              Codes.list(r.ownership().sharedWith()),
              ctx.user(),
              at));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return r.stored(keys.getLong(1), ctx.user(), at);
      }
    }
  }

  @Override
  public List<ImplementationReport> reports(AccessContext ctx, String programme) {
    return db.inTransaction(
        "reading reports on " + programme,
        c -> {
          Programme p = inForce(c, programme);
          ProgrammeAccess access = access(c, ctx);
          List<ImplementationReport> out = new ArrayList<>();
          int confidential = 0;
          for (ImplementationReport r : allReports(c, programme)) {
            if (access.canReadReport(p, r)) {
              out.add(r);
              confidential += ProgrammeAccess.confidential(r.ownership().classification()) ? 1 : 0;
            }
          }
          if (confidential > 0) {
            audit.recordRead(
                ctx,
                "programme.report.read",
                programme,
                confidential + " NATIONAL or RESTRICTED report(s) of " + out.size(),
                out.stream()
                    .filter(r -> ProgrammeAccess.confidential(r.ownership().classification()))
                    .map(r -> r.ownership().owner())
                    .collect(java.util.stream.Collectors.toSet()));
          }
          return out;
        });
  }

  private static List<ImplementationReport> allReports(Connection c, String programme)
      throws SQLException {
    List<ImplementationReport> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM programme_report WHERE programme_code = ? ORDER BY submitted_at, id")) {
      ps.setString(1, programme);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String evidence = rs.getString("evidence");
          out.add(
              new ImplementationReport(
                  rs.getLong("id"),
                  programme,
                  rs.getString("measure_code"),
                  rs.getString("party"),
                  Codes.period(rs.getString("period_code")),
                  MeasureStatus.valueOf(rs.getString("status")),
                  rs.getInt("percent_done"),
                  rs.getString("narrative"),
                  evidence.isEmpty() ? List.of() : List.of(evidence.split("\n")),
                  new Ownership(
                      rs.getString("owner_org"),
                      Classification.valueOf(rs.getString("classification")),
                      Codes.parseSet(rs.getString("shared_with"))),
                  rs.getString("submitted_by"),
                  Database.instant(rs, "submitted_at")));
        }
      }
    }
    return out;
  }

  /** The version in force; reports are checked and shown against it. */
  private Programme inForce(Connection c, String programme) throws SQLException {
    ProgrammeHistory h = history(c, programme);
    if (h.revisions().isEmpty()) {
      throw new NotFoundException(
          "No programme '" + programme + "': see `vigil programme list` for the codes");
    }
    return h.active()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Programme "
                        + programme
                        + " has no approved version yet: a programme"
                        + " coordinator must approve version 1 first"))
        .content();
  }

  private static ProgrammeAccess access(Connection c, AccessContext ctx) throws SQLException {
    return new ProgrammeAccess(ctx, organisation(c, ctx.organisation()));
  }

  private static Optional<Organisation> organisation(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, name_en, name_ru, area_code, secretariat FROM organisation WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Organisation(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5)));
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
