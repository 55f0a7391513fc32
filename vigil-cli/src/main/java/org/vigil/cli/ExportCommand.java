package org.vigil.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.exchange.ExchangeService;
import org.vigil.app.exchange.SeriesSelection;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.server.SeriesExport;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil export}: a selection of series (indicators, areas, a period range, as of a day, the
 * latest values or every vintage) as long CSV, SDMX-CSV, SDMX-ML 2.1 structure-specific or
 * SDMX-JSON 1.0/2.0, in a form {@code vigil ingest} reads back. The format comes from {@code
 * --format} (or {@code --as}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export series as CSV, SDMX-CSV, SDMX-ML or SDMX-JSON (to stdout or --output);"
            + " --all-vintages keeps the revisions (one SDMX data set per vintage).")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--indicator",
      split = ",",
      description = "Indicator code(s), comma-separated or repeated (default: every readable one).")
  List<String> indicators = new ArrayList<>();

  @Option(
      names = "--area",
      split = ",",
      description = "Only these areas, by code or name (default: every readable area).")
  List<String> areas = new ArrayList<>();

  @Option(names = "--from", paramLabel = "PERIOD", description = "First period (2020, 2020-03).")
  String from;

  @Option(names = "--to", paramLabel = "PERIOD", description = "Last period.")
  String to;

  @Option(names = "--as-of", paramLabel = "DATE", description = "As recorded by this day (UTC).")
  LocalDate asOf;

  @Option(
      names = "--as",
      paramLabel = "FORMAT",
      description =
          "csv (default), sdmx-csv, sdmx-ml, sdmx-json (1.0) or sdmx-json-2; --format does the"
              + " same.")
  String as;

  @Option(
      names = "--all-vintages",
      description = "Every vintage, oldest first (SDMX formats only): a round trip keeps them.")
  boolean allVintages;

  @Option(
      names = "--flow",
      paramLabel = "FLOW",
      description =
          "SDMX dataflow: DF_INDICATORS (default; Vigil's codes) or CRIM_OFF_CAT (FREQ.ICCS.UNIT.GEO"
              + " through the SDMX mapping).")
  String flow = "DF_INDICATORS";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here (atomically) instead of stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    VigilCommand root = VigilCommand.of(spec);
    String formatText =
        as != null ? as : "table".equalsIgnoreCase(root.formatText) ? "csv" : root.formatText;
    Optional<SdmxWriter.Format> sdmx = sdmxFormat(formatText);
    SeriesExport.Format csv = sdmx.isPresent() ? SeriesExport.Format.CSV : csvFormat(formatText);
    if (allVintages && sdmx.isEmpty()) {
      throw new InvalidInputException(
          "export --all-vintages: expected an SDMX format (sdmx-ml, sdmx-json, sdmx-json-2,"
              + " sdmx-csv), found '"
              + formatText
              + "'");
    }
    SdmxDataflow dataflow =
        SdmxDataflow.find(flow)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "export --flow: expected DF_INDICATORS or CRIM_OFF_CAT, found '"
                            + flow
                            + "'"));
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      ExchangeService exchange = new ExchangeService(vigil);
      SeriesSelection selection = selection(root, vigil, caller);
      List<Observation> rows = exchange.select(caller, selection);
      Map<String, Indicator> known = exchange.indicators(caller);
      int[] written = {rows.size()};
      Body body =
          w -> {
            if (sdmx.isPresent()) {
              SdmxWriter writer = exchange.writer(caller, dataflow);
              writer.write(rows, allVintages, sdmx.get(), vigil.clock().instant(), w);
              written[0] = writer.countWritable(rows);
            } else {
              SeriesExport.write(rows, known, csv, w);
            }
          };
      if (output == null) {
        Writer w = new OutputStreamWriter(root.out(), StandardCharsets.UTF_8);
        body.write(w);
        w.flush();
      } else {
        Path tmp =
            Files.createTempFile(output.toAbsolutePath().getParent(), ".vigil-export", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          body.write(w);
        }
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        root.err().println("Wrote " + written[0] + " observations to " + output);
      }
    }
    return VigilCommand.OK;
  }

  /** What to write to a writer. */
  private interface Body {
    void write(Writer w) throws IOException;
  }

  private SeriesSelection selection(VigilCommand root, Vigil vigil, AccessContext caller) {
    List<String> codes = new ArrayList<>();
    for (String i : indicators) {
      String code = i.trim().toUpperCase(Locale.ROOT);
      if (vigil.reference().indicator(caller, code).isEmpty()) {
        throw new NotFoundException(
            "Unknown indicator '" + i + "'; list them with: vigil indicators");
      }
      codes.add(code);
    }
    List<String> areaCodes = new ArrayList<>();
    for (String a : areas) {
      areaCodes.add(root.areaCode(vigil, a));
    }
    Instant at =
        asOf == null
            ? Instant.MAX
            : asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    try {
      return new SeriesSelection(
          codes, areaCodes, period("--from", from), period("--to", to), at, allVintages);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("export: " + e.getMessage());
    }
  }

  private static Optional<Period> period(String option, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Period.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "export "
              + option
              + ": expected a period such as 2024, 2024-Q1 or 2024-03, found '"
              + text
              + "'");
    }
  }

  private static Optional<SdmxWriter.Format> sdmxFormat(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "sdmx-ml", "sdmx-xml" -> Optional.of(SdmxWriter.Format.SDMX_ML);
      case "sdmx-json", "sdmx-json-1" -> Optional.of(SdmxWriter.Format.SDMX_JSON_1);
      case "sdmx-json-2" -> Optional.of(SdmxWriter.Format.SDMX_JSON_2);
      case "sdmx-csv", "sdmx" -> Optional.of(SdmxWriter.Format.SDMX_CSV);
      default -> Optional.empty();
    };
  }

  private static SeriesExport.Format csvFormat(String text) {
    try {
      return SeriesExport.Format.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "export --format: expected csv, sdmx-csv, sdmx-ml, sdmx-json or sdmx-json-2, found '"
              + text
              + "'");
    }
  }
}
