package org.vigil.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertService;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.ingest.IngestRequest;
import org.vigil.app.ingest.IngestResult;
import org.vigil.app.ingest.IngestService;
import org.vigil.ingest.IngestFormat;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.ThreatDomain;
import org.vigil.model.run.AnalyticRun;

/**
 * {@code POST /api/ingest}: loads one file as one batch through the same {@link IngestService} as
 * {@code vigil ingest}, with the same validation: a bad row rejects the whole file (422 naming
 * file, line, field, expected and found) unless {@code keepGoodRows=true}. The file is the raw
 * request body (name in {@code file}) or the {@code file} part of a multipart form; options are
 * query parameters (or form fields).
 */
final class IngestRoutes implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
  private final IngestService ingest;
  private final AnalyticRunner runner;
  private final AlertService alerts;
  private final long maxBytes;

  IngestRoutes(Vigil vigil, ServerConfig config) {
    this.ingest = new IngestService(vigil);
    this.runner = new AnalyticRunner(vigil);
    this.alerts = new AlertService(vigil);
    this.maxBytes = config.maxBodyBytes();
  }

  @Override
  public void register(Routes routes) {
    routes.post("/api/ingest", this::upload);
  }

  private void upload(Context ctx) throws IOException {
    AccessContext caller = Caller.authenticated(ctx);
    boolean multipart = ctx.isMultipartFormData();
    Optional<UploadedFile> part = multipart ? filePart(ctx) : Optional.empty();
    if (multipart && part.isEmpty()) {
      throw new BadRequestException("The multipart form needs a file part named 'file'");
    }
    IngestRequest request = request(ctx, caller);
    String fileName =
        part.map(UploadedFile::filename).or(() -> param(ctx, "file")).orElse("upload");
    IngestResult result;
    try (InputStream raw =
            part.isPresent() ? part.get().content() : limited(ctx.bodyInputStream());
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
      String name = clean(fileName);
      if (param(ctx, "format").isEmpty()) {
        // No format given: the content decides (SDMX-ML, SDMX-JSON, SDMX-CSV, OWID, JSON),
        // long CSV when it cannot tell (whose header check then names what was expected).
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        request = request.withFormat(IngestFormat.infer(name, head).orElse(IngestFormat.LONG_CSV));
      }
      result =
          ingest.ingest(
              caller,
              name,
              in,
              -1,
              request,
              (stage, done, total) -> {
                if ("writing".equals(stage) && done == 0) {
                  LOG.info("Ingest of {} by {}: writing the batch", name, caller.user());
                }
              });
    }
    Map<String, Object> out = wire(result);
    if (!result.alreadyLoaded() && result.batch().rowsAdded() > 0) {
      out.put("analyticRun", analyse(clean(fileName)));
      out.put("alerts", evaluateAlerts(caller, clean(fileName)));
    }
    ctx.status(result.alreadyLoaded() ? 200 : 201).json(out);
  }

  /**
   * The incremental analytic run after a batch (as after {@code vigil ingest}): only the series
   * whose vintage changed, and what depends on them, are recomputed. The batch is stored whatever
   * happens here; a failed run is reported, never a failed upload.
   */
  private Map<String, Object> analyse(String file) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      AnalyticRun run = runner.run("ingest", false, AnalyticRunner.Progress.NONE);
      m.put("id", run.id());
      m.put("status", run.status());
      m.put("seriesComputed", run.seriesComputed());
      m.put("resultsChanged", run.resultsChanged());
    } catch (RuntimeException e) {
      LOG.warn("Analytic run after the ingest of {} failed", file, e);
      m.put("status", "FAILED");
      m.put(
          "detail",
          "The batch is stored; the analytic run after it failed ("
              + e.getMessage()
              + "): run ./vigil analyse");
    }
    return m;
  }

  /**
   * The alert rules after a batch (as after {@code vigil ingest}), so the alerts list is never
   * waiting for someone to press "evaluate". They run as the system (every series, each alert
   * carrying its data's ownership); the answer counts only the new alerts the uploader may read. As
   * with the analytic run, a failure is reported and the batch stays stored.
   */
  private Map<String, Object> evaluateAlerts(AccessContext caller, String file) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      AlertService.Evaluation e = alerts.evaluate(AccessContext.system());
      m.put("status", "DONE");
      m.put("raised", e.raised().stream().filter(a -> caller.canRead(a.ownership())).count());
    } catch (RuntimeException e) {
      LOG.warn("Alert rules after the ingest of {} failed", file, e);
      m.put("status", "FAILED");
      m.put(
          "detail",
          "The batch is stored; the alert rules after it failed ("
              + e.getMessage()
              + "): run ./vigil alerts evaluate");
    }
    return m;
  }

  /**
   * The {@code file} part. Jetty parses the whole form here, counting bytes as they stream in (a
   * chunked upload has no Content-Length to check first) and stopping at the body limit.
   */
  private Optional<UploadedFile> filePart(Context ctx) {
    try {
      return Optional.ofNullable(ctx.uploadedFile("file"));
    } catch (Exception e) { // Jetty throws ServletException undeclared through Kotlin
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (m.contains("max length exceeded") || m.contains("exceeds max")) {
          throw new PayloadTooLargeException(
              "The upload is larger than "
                  + maxBytes
                  + " bytes; nothing was stored. Split it into smaller files.");
        }
        if (t.getCause() == t) {
          break;
        }
      }
      throw new BadRequestException(
          "The multipart form could not be read: expected parts separated by the boundary in its"
              + " Content-Type, with a file part named 'file'; nothing was stored");
    }
  }

  private IngestRequest request(Context ctx, AccessContext caller) {
    IngestFormat format;
    Classification classification;
    try {
      format = IngestFormat.parse(param(ctx, "format").orElse("long-csv"));
      classification = Classification.parse(param(ctx, "classification").orElse("NATIONAL"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    String owner = param(ctx, "owner").orElse(caller.organisation());
    if (owner.isBlank()) {
      throw new BadRequestException(
          "Parameter 'owner' is empty: expected an organisation code (such as KAZ-SC), or leave it"
              + " out to store the file as your own organisation's; nothing was stored");
    }
    IngestRequest.Builder b =
        IngestRequest.builder(format, owner, classification)
            .keepGoodRows(param(ctx, "keepGoodRows").map(Boolean::parseBoolean).orElse(false))
            .reclassify(param(ctx, "classification").isPresent());
    param(ctx, "column").ifPresent(b::column);
    param(ctx, "indicator").ifPresent(b::indicator);
    Optional<String> domain = param(ctx, "newIndicatorDomain");
    if (domain.isPresent()) {
      b.newIndicator(
          ReferenceRoutes.enumParam(ThreatDomain.class, "newIndicatorDomain", domain.get()),
          param(ctx, "newIndicatorUnit").orElse(""));
    }
    if (param(ctx, "sdmxIndicator").isPresent() || param(ctx, "sdmxArea").isPresent()) {
      b.sdmxDimensions(param(ctx, "sdmxIndicator").orElse(""), param(ctx, "sdmxArea").orElse(""));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage() + "; nothing was stored");
    }
  }

  private static Optional<String> param(Context ctx, String name) {
    Optional<String> q = Params.optional(ctx, name);
    if (q.isPresent() || !ctx.isMultipartFormData()) {
      return q;
    }
    String f = ctx.formParam(name);
    return f == null || f.isBlank() ? Optional.empty() : Optional.of(f.trim());
  }

  /** The name as shown in messages: no directories, printable, short. */
  private static String clean(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return Params.clip(base.isBlank() ? "upload" : base);
  }

  private InputStream limited(InputStream in) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          check(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          check(n);
        }
        return n;
      }

      private void check(int n) {
        count += n;
        if (count > maxBytes) {
          throw new PayloadTooLargeException(
              "The upload is larger than " + maxBytes + " bytes; nothing was stored. Split it.");
        }
      }
    };
  }

  private static Map<String, Object> wire(IngestResult r) {
    IngestBatch b = r.batch();
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("id", b.id());
    batch.put("file", b.sourceFile());
    batch.put("format", b.format());
    batch.put("sha256", r.sha256());
    batch.put("rowsRead", b.rowsRead());
    batch.put("rowsAdded", b.rowsAdded());
    batch.put("rowsRejected", b.rowsRejected());
    batch.put("licence", b.licence());
    batch.put("citation", b.citation());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unchanged", r.unchanged());
    out.put("batch", batch);
    out.put("alreadyLoaded", r.alreadyLoaded());
    out.put(
        "rejections",
        r.read().rejections().stream()
            .map(
                x -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("file", x.file());
                  m.put("line", x.line());
                  m.put("field", x.field());
                  m.put("expected", x.expected());
                  m.put("found", x.found());
                  return m;
                })
            .toList());
    out.put("skipped", r.read().skipped().size());
    out.put("createdIndicator", r.createdIndicator().map(i -> i.code()).orElse(null));
    out.put("createdIndicatorScale", r.createdIndicator().map(i -> i.scale().name()).orElse(null));
    return out;
  }
}
