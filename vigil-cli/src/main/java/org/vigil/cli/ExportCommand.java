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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.server.SeriesExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil export}: an indicator (all readable areas, or one) as long CSV or SDMX-CSV, in a
 * form {@code vigil ingest} reads back.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export an indicator as CSV or SDMX-CSV (to stdout or --output).")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--indicator", required = true, description = "Indicator code.")
  String indicator;

  @Option(
      names = "--area",
      description = "Only this area, by code or name (default: every readable area).")
  String area;

  @Option(names = "--as-of", paramLabel = "DATE", description = "As recorded by this day (UTC).")
  LocalDate asOf;

  @Option(names = "--as", paramLabel = "FORMAT", description = "csv (default) or sdmx-csv.")
  String as = "csv";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here (atomically) instead of stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    VigilCommand root = VigilCommand.of(spec);
    SeriesExport.Format format = SeriesExport.Format.parse(as);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      String ind = indicator.trim().toUpperCase(Locale.ROOT);
      if (vigil.reference().indicator(caller, ind).isEmpty()) {
        throw new NotFoundException(
            "Unknown indicator '" + indicator + "'; list them with: vigil indicators");
      }
      Instant at =
          asOf == null
              ? Instant.MAX
              : asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
      List<Observation> rows =
          area == null
              ? vigil.observations().latestByIndicator(caller, ind, at)
              : vigil.observations().series(caller, ind, root.areaCode(vigil, area), at);
      Map<String, Indicator> indicators =
          vigil.reference().indicators(caller).stream()
              .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a));
      if (output == null) {
        Writer w = new OutputStreamWriter(root.out(), StandardCharsets.UTF_8);
        SeriesExport.write(rows, indicators, format, w);
      } else {
        Path tmp =
            Files.createTempFile(output.toAbsolutePath().getParent(), ".vigil-export", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          SeriesExport.write(rows, indicators, format, w);
        }
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        root.err().println("Wrote " + rows.size() + " observations to " + output);
      }
    }
    return VigilCommand.OK;
  }
}
