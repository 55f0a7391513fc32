package org.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.report.RenderedReport;
import org.vigil.app.report.ReportFormat;
import org.vigil.app.report.ReportRequest;
import org.vigil.app.report.ReportService;
import org.vigil.model.AccessContext;
import org.vigil.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil report}: writes a situation report for a state or the region as PDF, HTML or DOCX.
 * The file format comes from the shared {@code --format} option (pdf, html or docx), else from the
 * --out file's extension.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a situation report (key judgements, map, charts, tables, priorities, programmes,",
      "events) as PDF, HTML or DOCX (an editable Word document), marked for official use.",
      "The format: --format pdf|html|docx, else the --out file's extension (.pdf, .html, .docx).",
      "Example: vigil report --area CIS --lang ru --format pdf --out cis.pdf --user kaz.analyst",
      "         vigil report --area KAZ --lang ru --out kaz.docx --user kaz.analyst"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--area",
      required = true,
      paramLabel = "ISO3|CIS",
      description =
          "A state (code or name: KAZ, KZ, Kazakhstan, Казахстан) or the region (CIS, СНГ).")
  String area;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Report period, e.g. 2026-10 (default: the latest month with data).")
  String period = "";

  @Option(
      names = "--lang",
      paramLabel = "en|ru",
      description = "Report language: en or ru (default: en).")
  String lang = "en";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "File to write (.pdf, .html or .docx).")
  Path out;

  @Override
  public Integer call() throws IOException {
    VigilCommand root = VigilCommand.of(spec);
    ReportFormat format = format(root.formatText, out);
    ReportRequest.parse(area, period, lang);
    try (Vigil vigil = root.openVigil()) {
      ReportRequest request = ReportRequest.parse(root.areaCode(vigil, area), period, lang);
      AccessContext caller = root.caller(vigil);
      if (caller.user().equals(AccessContext.anonymous().user())) {
        root.err()
            .println(
                "Note: reading as anonymous, so the report shows PUBLIC data only;"
                    + " give --user or --token to include what your organisation may read.");
      }
      RenderedReport report = ReportService.create(vigil).render(caller, request, format);
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, report.bytes());
      root.out()
          .printf(
              Locale.ROOT,
              "Wrote %s (%s, %d bytes) in %d ms%n",
              out,
              report.format().extension(),
              report.bytes().length,
              report.renderMillis());
    }
    return VigilCommand.OK;
  }

  /**
   * --format pdf|html|docx when given (the root's default "table" counts as not given), else the
   * --out file's extension.
   */
  static ReportFormat format(String formatText, Path out) {
    String f = formatText == null ? "" : formatText.trim().toLowerCase(Locale.ROOT);
    if (f.isEmpty() || f.equals("table")) {
      String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".html") || name.endsWith(".htm")) {
        return ReportFormat.HTML;
      }
      if (name.endsWith(".pdf")) {
        return ReportFormat.PDF;
      }
      if (name.endsWith(".docx")) {
        return ReportFormat.DOCX;
      }
      throw new InvalidInputException(
          "Cannot tell the report format: give --format pdf, html or docx, or an --out file ending"
              + " in .pdf, .html or .docx (found '"
              + out
              + "')");
    }
    return ReportFormat.parse(f);
  }
}
