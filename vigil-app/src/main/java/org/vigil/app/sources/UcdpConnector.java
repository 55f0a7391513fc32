package org.vigil.app.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.ingest.IngestFormat;

/**
 * UCDP's API ({@code /api/gedevents/<version>?pagesize=&page=&Country=&StartDate=}), JSON with
 * {@code TotalPages} and {@code Result[]}. Each event is counted into its state (by UCDP's
 * Gleditsch-Ward {@code country_id}, mapped in the catalogue) and the month of {@code date_start}:
 * the measure {@code events} counts events, {@code best} sums the best fatality estimate. Nothing
 * about an event but its state, month and fatalities is kept: no actor, place or name. Months
 * without an event between the first month asked for (or the first event) and the latest event in
 * the answer count 0 for every state asked for: GED records every event of organised violence.
 */
final class UcdpConnector implements Connector {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int PAGE_SIZE = 1000;
  static final String TOKEN_HEADER = "x-ucdp-access-token";

  private record Cell(String area, YearMonth month) implements Comparable<Cell> {
    @Override
    public int compareTo(Cell o) {
      int c = area.compareTo(o.area);
      return c != 0 ? c : month.compareTo(o.month);
    }
  }

  @Override
  public Payload fetch(SourceSpec spec, Request request) {
    String countries = spec.areas().stream().map(spec::sourceArea).collect(Collectors.joining(","));
    Map<Cell, long[]> counts = new HashMap<>();
    String first = null;
    YearMonth earliest = null;
    YearMonth latest = null;
    int records = 0;
    int pages = 0;
    int pageCount = 1;
    for (int page = 0; page < pageCount; page++) {
      String url = url(spec, countries, page, request);
      first = first == null ? url : first;
      JsonNode root = parse(url, request.get(Connector.uri(spec, url), Map.of()));
      pages++;
      pageCount = root.path("TotalPages").asInt(1);
      for (JsonNode event : root.path("Result")) {
        records++;
        YearMonth month = month(url, event);
        earliest = earliest == null || month.isBefore(earliest) ? month : earliest;
        latest = latest == null || month.isAfter(latest) ? month : latest;
        Optional<String> area = spec.vigilArea(event.path("country_id").asText(""));
        if (area.isEmpty() || !spec.areas().contains(area.get())) {
          continue; // an event of a state not asked for (UCDP lists a dyad's events once)
        }
        long[] c = counts.computeIfAbsent(new Cell(area.get(), month), k -> new long[2]);
        c[0]++;
        c[1] += event.path("best").asLong(0);
      }
    }
    LongCsvText csv = new LongCsvText();
    if (latest != null) {
      YearMonth from = request.since().map(YearMonth::from).orElse(earliest);
      write(spec, counts, from, latest, csv);
    }
    return new Payload(
        first,
        csv.bytes(),
        IngestFormat.LONG_CSV,
        Optional.empty(),
        Optional.empty(),
        "",
        records,
        pages);
  }

  private static void write(
      SourceSpec spec, Map<Cell, long[]> counts, YearMonth from, YearMonth to, LongCsvText csv) {
    String source = "UCDP " + spec.dataset().replace('/', ' ');
    TreeMap<Cell, long[]> all = new TreeMap<>();
    for (String area : spec.areas()) {
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        all.put(new Cell(area, m), counts.getOrDefault(new Cell(area, m), new long[2]));
      }
    }
    for (IndicatorMapping mapping : spec.indicators()) {
      int measure = measure(spec, mapping);
      all.forEach(
          (cell, c) ->
              csv.add(
                  mapping.indicator(),
                  cell.area(),
                  cell.month().toString(),
                  Long.toString(c[measure]),
                  source));
    }
  }

  private static int measure(SourceSpec spec, IndicatorMapping m) {
    return switch (m.sourceCode()) {
      case "events" -> 0;
      case "best" -> 1;
      default ->
          throw new org.vigil.model.InvalidInputException(
              "Source "
                  + spec.name()
                  + ": a UCDP mapping's sourceCode is 'events' or 'best', found '"
                  + m.sourceCode()
                  + "'");
    };
  }

  private static String url(SourceSpec spec, String countries, int page, Request request) {
    return spec.baseUrl()
        + "/api/"
        + spec.dataset()
        + "?pagesize="
        + PAGE_SIZE
        + "&page="
        + page
        + "&Country="
        + Connector.enc(countries)
        + request.since().map(d -> "&StartDate=" + d).orElse("");
  }

  private static YearMonth month(String url, JsonNode event) {
    String date = event.path("date_start").asText("");
    try {
      return YearMonth.parse(date.length() >= 7 ? date.substring(0, 7) : date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new SourceUnavailableException(
          "UCDP answered "
              + url
              + " with event "
              + event.path("id").asText("?")
              + " whose date_start is '"
              + date
              + "', expected yyyy-MM-dd; nothing was stored");
    }
  }

  private static JsonNode parse(String url, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "UCDP answered "
              + url
              + " with something that is not JSON ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); nothing was stored");
    }
    if (root == null || !root.isObject() || !root.path("Result").isArray()) {
      throw new SourceUnavailableException(
          "UCDP answered "
              + url
              + " without a Result array"
              + (root != null && root.has("message") ? ": " + root.path("message").asText() : "")
              + "; nothing was stored");
    }
    return root;
  }
}
