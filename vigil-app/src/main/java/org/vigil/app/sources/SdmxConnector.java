package org.vigil.app.sources;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.vigil.ingest.IngestFormat;
import org.vigil.timeseries.Frequency;

/**
 * Any SDMX 2.1 REST endpoint ({@code <base>/data/<flow>/<key>}), asked for SDMX-CSV through the
 * Accept header (and {@code format=} where the endpoint wants it, as Eurostat's does) and read by
 * Vigil's SDMX-CSV reader with the mapped indicator fixed. A start date becomes {@code startPeriod}
 * in the indicator's frequency.
 */
final class SdmxConnector implements Connector {
  static final String ACCEPT = "application/vnd.sdmx.data+csv;version=1.0.0";

  @Override
  public Payload fetch(SourceSpec spec, Request request) {
    IndicatorMapping m = spec.indicators().get(0);
    StringBuilder query = new StringBuilder();
    if (!spec.formatParameter().isEmpty()) {
      query.append("format=").append(Connector.enc(spec.formatParameter()));
    }
    request
        .since()
        .ifPresent(
            d ->
                query
                    .append(query.length() == 0 ? "" : "&")
                    .append("startPeriod=")
                    .append(startPeriod(d, m.frequency())));
    String url =
        spec.baseUrl() + "/data/" + spec.dataset() + (query.length() == 0 ? "" : "?" + query);
    byte[] body = request.get(Connector.uri(spec, url), Map.of("Accept", ACCEPT));
    int lines = 0;
    for (byte b : body) {
      if (b == '\n') {
        lines++;
      }
    }
    return new Payload(
        url,
        body,
        IngestFormat.SDMX_CSV,
        Optional.of(m.indicator()),
        Optional.empty(),
        spec.areaDimension(),
        Math.max(0, lines - 1),
        1);
  }

  /** The SDMX reporting period that contains {@code d}: 2015, 2015-Q2 or 2015-04. */
  static String startPeriod(LocalDate d, Frequency f) {
    return switch (f) {
      case YEARLY -> Integer.toString(d.getYear());
      case QUARTERLY -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
      default -> String.format(java.util.Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
    };
  }
}
