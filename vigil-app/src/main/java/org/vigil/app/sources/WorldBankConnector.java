package org.vigil.app.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.ingest.IngestFormat;

/**
 * The World Bank's indicators API v2 ({@code /v2/country/<codes>/indicator/<id>?format=json}): each
 * page is {@code [meta, rows]} with {@code meta.pages}; a row carries {@code countryiso3code},
 * {@code date} and {@code value} (null for a gap, skipped). Every page of every mapped indicator is
 * fetched before anything is stored. An error answer ({@code [{"message":[...]}]}) is reported with
 * the API's own words. A start date becomes {@code date=<year>:<this year>}.
 */
final class WorldBankConnector implements Connector {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int PER_PAGE = 1000;

  @Override
  public Payload fetch(SourceSpec spec, Request request) {
    String countries = spec.areas().stream().map(spec::sourceArea).collect(Collectors.joining(";"));
    LongCsvText csv = new LongCsvText();
    String first = null;
    int records = 0;
    int pages = 0;
    for (IndicatorMapping m : spec.indicators()) {
      int pageCount = 1;
      for (int page = 1; page <= pageCount; page++) {
        String url = url(spec, countries, m.sourceCode(), page, request);
        first = first == null ? url : first;
        JsonNode root = parse(spec, url, request.get(Connector.uri(spec, url), Map.of()));
        pages++;
        JsonNode meta = root.get(0);
        pageCount = meta.path("pages").asInt(1);
        JsonNode rows = root.path(1);
        for (JsonNode row : rows) {
          records++;
          add(spec, m, row, csv);
        }
      }
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

  private static String url(
      SourceSpec spec, String countries, String code, int page, Request request) {
    return spec.baseUrl()
        + "/v2/country/"
        + countries
        + "/indicator/"
        + Connector.enc(code)
        + "?format=json&per_page="
        + PER_PAGE
        + "&page="
        + page
        + request
            .since()
            .map(
                d ->
                    "&date=" + d.getYear() + ":" + Math.max(d.getYear(), request.today().getYear()))
            .orElse("");
  }

  private static void add(SourceSpec spec, IndicatorMapping m, JsonNode row, LongCsvText csv) {
    JsonNode value = row.path("value");
    if (value.isNull() || value.isMissingNode()) {
      return; // a gap: the World Bank lists every year, with null where there is no value
    }
    String code = row.path("countryiso3code").asText("");
    if (code.isEmpty()) {
      code = row.path("country").path("id").asText("");
    }
    String area = spec.vigilArea(code).orElse(code);
    csv.add(
        m.indicator(),
        area,
        row.path("date").asText(""),
        value.asText(),
        "World Bank WDI " + m.sourceCode());
  }

  private static JsonNode parse(SourceSpec spec, String url, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "api.worldbank.org answered "
              + url
              + " with something that is not JSON ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); nothing was stored");
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new SourceUnavailableException(
          "api.worldbank.org answered "
              + url
              + " with JSON that is not [page-meta, rows]; nothing was stored");
    }
    JsonNode messages = root.get(0).path("message");
    if (messages.isArray() && !messages.isEmpty()) {
      JsonNode m = messages.get(0);
      throw new SourceUnavailableException(
          "api.worldbank.org refused "
              + url
              + ": "
              + m.path("id").asText()
              + " "
              + m.path("key").asText()
              + ": "
              + m.path("value").asText()
              + " (source "
              + spec.name()
              + "); nothing was stored");
    }
    if (!root.get(0).has("pages")) {
      throw new SourceUnavailableException(
          "api.worldbank.org answered " + url + " without page metadata; nothing was stored");
    }
    return root;
  }
}
