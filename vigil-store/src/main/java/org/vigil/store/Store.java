package org.vigil.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.vigil.model.AuditRepository;
import org.vigil.model.EventRepository;
import org.vigil.model.ObservationRepository;
import org.vigil.model.ReferenceRepository;
import org.vigil.model.SharingRepository;
import org.vigil.model.TokenRepository;
import org.vigil.model.UserRepository;

/**
 * The JDBC store: migrates the schema (Flyway, classpath:db/migration) and hands out the
 * repositories, all sharing one data source, clock and audit log. Every repository enforces the
 * caller's access context and audits writes and sensitive reads. Thread-safe.
 */
public final class Store implements AutoCloseable {
  private final Database db;
  private final AuditLog audit;
  private final JdbcReferenceRepository reference;
  private final JdbcObservationRepository observations;
  private final JdbcUserRepository users;
  private final JdbcTokenRepository tokens;
  private final JdbcEventRepository events;
  private final JdbcSharingRepository sharing;
  private final ReportingAgreements reportingAgreements;
  private int recovered;
  private final JdbcAnalyticRunRepository analyticRuns;

  private Store(DataSource dataSource, Clock clock, AuditSettings auditSettings) {
    this.db = new Database(dataSource);
    this.audit = new AuditLog(db, clock, auditSettings);
    this.reference = new JdbcReferenceRepository(db, audit);
    this.observations = new JdbcObservationRepository(db, audit, clock);
    this.users = new JdbcUserRepository(db, audit);
    this.tokens = new JdbcTokenRepository(db, audit, users, clock);
    this.events = new JdbcEventRepository(db, audit);
    this.sharing = new JdbcSharingRepository(db, audit);
    this.reportingAgreements = new ReportingAgreements(db, audit);
    this.analyticRuns = new JdbcAnalyticRunRepository(db, audit, clock);
  }

  /**
   * Brings the schema up to date, then opens the store, with the audit key and checkpoints where
   * {@link AuditSettings#forDatabase} puts them for this database and the process environment.
   * Removes the batches a killed writer left incomplete (see the three-argument open).
   */
  public static Store open(DataSource dataSource, Clock clock) {
    String url;
    try (java.sql.Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    } catch (java.sql.SQLException e) {
      throw new StoreException("Cannot connect to the database: " + e.getMessage(), e);
    }
    return open(dataSource, clock, AuditSettings.forDatabase(url, System.getenv()));
  }

  /** Brings the schema up to date, then opens the store with the given audit settings. */
  public static Store open(DataSource dataSource, Clock clock, AuditSettings auditSettings) {
    migrate(dataSource);
    Store store = new Store(dataSource, clock, auditSettings);
    store.recovered = BatchRecovery.recover(store.db, store.audit).size();
    return store;
  }

  /**
   * Checkpoints the audit chain's head now (it is also done periodically and on close).
   *
   * @return empty, or why the checkpoint was refused (the log no longer holds the last one)
   */
  public String checkpointAudit() {
    return audit.checkpoint();
  }

  /** Why the last audit checkpoint was refused or failed; empty when all is well (health). */
  public String auditProblem() {
    return audit.checkpointProblem();
  }

  /** Writes queued audit records, checkpoints the head and stops the audit threads. */
  @Override
  public void close() {
    audit.close();
  }

  /** How many incomplete batches {@link #open} removed. */
  public int recoveredBatches() {
    return recovered;
  }

  /**
   * Whether an audited write could take the audit head lock now: "UP", or "WEDGED: why" when it
   * waited longer than a couple of seconds or failed (for the health endpoint).
   */
  public String auditWriterStatus() {
    return audit.writerStatus();
  }

  /** Applies pending Flyway migrations (V1-V19 store, V20+ other modules' tables). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** True when the store runs on PostgreSQL (else H2). */
  public boolean isPostgres() {
    return db.dialect() == Database.Dialect.POSTGRESQL;
  }

  public ReferenceRepository reference() {
    return reference;
  }

  public ObservationRepository observations() {
    return observations;
  }

  public UserRepository users() {
    return users;
  }

  public TokenRepository tokens() {
    return tokens;
  }

  /** Analytic runs and their versioned results. */
  public org.vigil.model.run.AnalyticRunRepository analyticRuns() {
    return analyticRuns;
  }

  public EventRepository events() {
    return events;
  }

  public AuditRepository audit() {
    return audit;
  }

  public SharingRepository sharing() {
    return sharing;
  }

  /** Who may report values for which area besides its own. */
  public ReportingAgreements reportingAgreements() {
    return reportingAgreements;
  }
}
