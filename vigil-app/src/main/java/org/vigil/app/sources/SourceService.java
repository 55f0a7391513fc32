package org.vigil.app.sources;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.app.Vigil;
import org.vigil.app.ingest.IngestProgress;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.ingest.ReadSpec;
import org.vigil.ingest.ReferenceData;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;

/**
 * Pulls public sources into the store. A pull fetches every page first (a failure there stores
 * nothing), reads the answer with the ingest readers against the reference data plus the mapping's
 * indicators (a rejected row stores nothing), defines the mapped indicators the store does not know
 * yet, and then ingests it through {@link IngestService} as one batch with the source's licence and
 * citation: validation, vintages, the audit chain and deduplication are the ingest's own, so a
 * re-pull of unchanged values stores nothing. Pulled data is owned by the catalogue's owner (the
 * secretariat) and classified PUBLIC: it is published by third parties, and the reporting rule
 * (states reporting about each other) does not apply, so the write runs as an internal job in the
 * caller's name. Only system administrators (and the local operator) may pull. Thread-safe.
 */
public final class SourceService {
  private final Vigil vigil;
  private final SourceCatalog catalog;
  private final SourceHttp http;
  private final Map<String, String> env;

  public SourceService(Vigil vigil, SourceCatalog catalog, Map<String, String> env) {
    this(vigil, catalog, SourceHttp.standard(), env);
  }

  SourceService(Vigil vigil, SourceCatalog catalog, SourceHttp http, Map<String, String> env) {
    this.vigil = vigil;
    this.catalog = catalog;
    this.http = http;
    this.env = Map.copyOf(env);
  }

  /** The service over the catalogue the environment describes (built-in plus VIGIL_SOURCES_*). */
  public static SourceService fromEnvironment(Vigil vigil) {
    return new SourceService(
        vigil, SourceCatalog.fromEnvironment(System.getenv()), System.getenv());
  }

  public SourceCatalog catalog() {
    return catalog;
  }

  /**
   * Pulls one source.
   *
   * @param since the first day wanted, or empty for the whole history the source offers
   * @throws SourceUnavailableException when the source cannot be reached or answers with an error
   *     (nothing is stored)
   * @throws InvalidInputException for an unknown source, a start in the future or a rejected row
   *     (nothing is stored)
   * @throws AccessDeniedException when the caller is not a system administrator
   */
  public SourcePull pull(AccessContext caller, String name, Optional<LocalDate> since) {
    if (!caller.isSystem() && caller.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          caller.user()
              + " ("
              + caller.role()
              + ") may not pull public sources: expected a system administrator");
    }
    SourceSpec spec = catalog.find(name);
    LocalDate today = LocalDate.ofInstant(vigil.clock().instant(), ZoneOffset.UTC);
    if (since.isPresent() && since.get().isAfter(today)) {
      throw new InvalidInputException(
          "--since " + since.get() + " is after today (" + today + "): expected a past date");
    }
    if (vigil.reference().organisation(caller, catalog.owner()).isEmpty()) {
      throw new InvalidInputException(
          "The owner of pulled data, organisation '"
              + catalog.owner()
              + "', is not in the store: load the reference data (./vigil demo) or name an"
              + " existing organisation as the catalogue's owner; nothing was stored");
    }
    Payload payload =
        spec.kind()
            .connector()
            .fetch(spec, new Connector.Request(since, today, headers(spec), http));
    AccessContext writer =
        new AccessContext(
            caller.user(), AccessContext.SYSTEM_ORG, Role.SYSTEM_ADMIN, true, caller.origin());
    List<Indicator> missing = missingIndicators(writer, spec);
    check(writer, spec, payload, missing);
    List<String> created = new ArrayList<>();
    for (Indicator i : missing) {
      vigil.reference().saveIndicator(writer, i);
      created.add(i.code());
    }
    IngestResult result =
        new IngestService(vigil)
            .ingest(
                writer,
                payload.url(),
                new ByteArrayInputStream(payload.content()),
                payload.content().length,
                request(spec, payload),
                IngestProgress.NONE);
    SourcePull pull =
        new SourcePull(spec, payload.url(), payload.records(), payload.pages(), result, created);
    vigil
        .audit()
        .record(
            writer,
            "sources.pull",
            spec.name(),
            payload.url()
                + ": "
                + payload.records()
                + " records, "
                + pull.rowsAdded()
                + " values added"
                + (pull.batchId() > 0 ? " as batch " + pull.batchId() : " (nothing new)"));
    return pull;
  }

  private Map<String, String> headers(SourceSpec spec) {
    Map<String, String> h = new LinkedHashMap<>();
    if (!spec.tokenVariable().isEmpty()) {
      String token = env.get(spec.tokenVariable());
      if (token != null && !token.isBlank()) {
        h.put(UcdpConnector.TOKEN_HEADER, token.trim());
      }
    }
    return h;
  }

  private List<Indicator> missingIndicators(AccessContext ctx, SourceSpec spec) {
    List<Indicator> missing = new ArrayList<>();
    for (IndicatorMapping m : spec.indicators()) {
      if (vigil.reference().indicator(ctx, m.indicator()).isEmpty()) {
        missing.add(m.toIndicator(spec.citation()));
      }
    }
    return missing;
  }

  /** Reads the payload once without storing: a rejected row refuses the pull before any write. */
  private void check(AccessContext ctx, SourceSpec spec, Payload p, List<Indicator> missing) {
    ReferenceData ref =
        ReferenceData.of(vigil.reference().areas(ctx), vigil.reference().indicators(ctx));
    for (Indicator i : missing) {
      ref = ref.withIndicator(i);
    }
    ReadSpec.Builder b =
        ReadSpec.builder(ref, Ownership.of(catalog.owner(), Classification.PUBLIC))
            .fileName(p.url())
            .defaultSource(spec.name())
            .sdmxAreaDimension(p.sdmxAreaDimension());
    p.indicator().ifPresent(b::indicator);
    p.column().ifPresent(b::column);
    p.format().reader().read(new ByteArrayInputStream(p.content()), b.build()).requireClean();
  }

  private IngestRequest request(SourceSpec spec, Payload p) {
    IngestRequest.Builder b =
        IngestRequest.builder(p.format(), catalog.owner(), Classification.PUBLIC)
            .sdmxDimensions("", p.sdmxAreaDimension())
            .provenance(spec.licence(), spec.citation(), spec.name());
    p.indicator().ifPresent(b::indicator);
    p.column().ifPresent(b::column);
    return b.build();
  }
}
