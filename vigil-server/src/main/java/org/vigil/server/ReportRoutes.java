package org.vigil.server;

import io.javalin.http.Context;
import java.util.Locale;
import org.vigil.app.Vigil;
import org.vigil.app.report.RenderedReport;
import org.vigil.app.report.ReportFormat;
import org.vigil.app.report.ReportRequest;
import org.vigil.app.report.ReportService;
import org.vigil.model.AccessContext;

/**
 * {@code GET /api/reports}: a situation report for a state or the region as PDF, HTML or DOCX, made
 * with the caller's access (it shows only what the caller may read); {@code GET
 * /api/reports/recent}: the reports the caller's organisation made on this server.
 */
public final class ReportRoutes implements RouteGroup {
  private final ReportService reports;

  public ReportRoutes(Vigil vigil) {
    this.reports = ReportService.create(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/reports", this::report);
    routes.get("/api/reports/recent", this::recent);
  }

  private void report(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ReportRequest request =
        ReportRequest.parse(
            Params.required(ctx, "area"),
            Params.optional(ctx, "period").orElse(""),
            Params.optional(ctx, "lang").orElse("en"));
    ReportFormat format;
    try {
      format = ReportFormat.parse(Params.optional(ctx, "format").orElse("pdf"));
    } catch (org.vigil.model.InvalidInputException e) {
      // An unknown format is a malformed request, not data the server cannot process.
      throw new BadRequestException(e.getMessage());
    }
    RenderedReport out = reports.render(caller, request, format);
    // A DOCX is for editing, not viewing: the browser saves it rather than trying to show it.
    String disposition = out.format() == ReportFormat.DOCX ? "attachment" : "inline";
    ctx.header("Content-Disposition", disposition + "; filename=\"" + out.fileName() + "\"");
    ctx.header("X-Render-Millis", Long.toString(out.renderMillis()));
    ctx.contentType(out.format().contentType()).result(out.bytes());
  }

  private void recent(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    ctx.json(
        reports.recent(caller).stream()
            .map(
                r ->
                    java.util.Map.of(
                        "area", r.area(),
                        "period", r.period(),
                        "lang", r.language(),
                        "format", r.format().toLowerCase(Locale.ROOT),
                        "user", r.user(),
                        "at", r.at().toString(),
                        "millis", r.millis()))
            .toList());
  }
}
