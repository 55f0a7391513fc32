package org.vigil.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.area.RegionTotal;
import org.vigil.app.area.RegionTotals;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil series}: one indicator for one area, as known now or as known at the end of a past
 * day ({@code --as-of}); {@code --vintages PERIOD} lists every recorded value of one period.
 */
@Command(
    name = "series",
    mixinStandardHelpOptions = true,
    description = "Print an indicator's series for an area (optionally as known on a date).")
final class SeriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--indicator", required = true, description = "Indicator code.")
  String indicator;

  @Option(
      names = "--area",
      required = true,
      description = "Area: code (KAZ, KZ, CIS) or name (Kazakhstan, Казахстан).")
  String area;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Values as recorded by the end of this day (UTC), e.g. 2025-06-30.")
  LocalDate asOf;

  @Option(
      names = "--vintages",
      paramLabel = "PERIOD",
      description = "Instead of the series, every vintage of one period (e.g. 2025-03).")
  String vintagesOf;

  @Option(
      names = "--from-regions",
      description =
          "The state's figure made of its regions' values you may read, with what it covers"
              + " (\"12 of 20 regions\"); for indicators that aggregate by sum.")
  boolean fromRegions;

  @Option(
      names = "--lang",
      defaultValue = "en",
      description = "Language of the coverage text with --from-regions: en or ru.")
  String lang;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      String ind = indicator.trim().toUpperCase(java.util.Locale.ROOT);
      String ar = root.areaCode(vigil, area);
      if (vigil.reference().indicator(caller, ind).isEmpty()) {
        throw new NotFoundException(
            "Unknown indicator '" + indicator + "'; list them with: vigil indicators");
      }
      if (fromRegions) {
        printRegionTotal(root, vigil, caller, ind, ar);
        return VigilCommand.OK;
      }
      List<Observation> rows;
      if (vintagesOf != null) {
        rows = vigil.observations().vintages(caller, ind, ar, Period.parse(vintagesOf));
      } else {
        Instant at =
            asOf == null
                ? Instant.MAX
                : asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
        rows = vigil.observations().series(caller, ind, ar, at);
      }
      Table t =
          Table.of("period", "value", "flags", "recorded_at", "batch", "owner", "classification");
      for (Observation o : rows) {
        t.row(
            o.period().toString(),
            o.value(),
            o.flags(),
            o.recordedAt(),
            o.batch(),
            o.ownership().owner(),
            o.ownership().classification().name());
      }
      if (rows.isEmpty()) {
        root.renderer()
            .note(
                "No values of "
                    + ind
                    + " for "
                    + ar
                    + " that you may read"
                    + (asOf == null ? "" : " as of " + asOf)
                    + ".");
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }

  private void printRegionTotal(
      VigilCommand root, Vigil vigil, AccessContext caller, String ind, String ar) {
    RegionTotal total = RegionTotals.create(vigil).total(caller, ind, ar);
    String language = "ru".equalsIgnoreCase(lang) ? "ru" : "en";
    Table t = Table.of("period", "value", "regions", "covers");
    for (RegionTotal.Point p : total.points()) {
      t.row(
          p.period().toString(),
          p.value(),
          p.regions(),
          RegionTotal.coverage(p.regions(), total.regions().size(), language));
    }
    root.renderer()
        .note(
            ar
                + " from its regions: "
                + total.coverage(language)
                + " ("
                + RegionTotal.NOTE.get(language)
                + ").");
    root.renderer().print(t);
  }
}
