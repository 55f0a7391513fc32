package org.vigil.app.sources;

import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.ingest.IngestFormat;

/**
 * Our World in Data grapher CSV ({@code /grapher/<slug>.csv}): columns {@code
 * Entity,Code,Year,<indicator>}, read by Vigil's OWID reader (regions with OWID_ codes are
 * skipped). The request asks for the spec's countries only ({@code country=~KAZ~RUS}) and, with a
 * start date, for the years from it ({@code time=2015..latest}).
 */
final class OwidConnector implements Connector {

  @Override
  public Payload fetch(SourceSpec spec, Request request) {
    IndicatorMapping m = spec.indicators().get(0);
    String countries =
        spec.areas().stream().map(spec::sourceArea).collect(Collectors.joining("~", "~", ""));
    String url =
        spec.baseUrl()
            + "/grapher/"
            + spec.dataset()
            + ".csv?v=1&csvType=filtered&useColumnShortNames=false&country="
            + Connector.enc(countries)
            + request.since().map(d -> "&time=" + d.getYear() + "..latest").orElse("");
    byte[] body = request.get(Connector.uri(spec, url), java.util.Map.of());
    int lines = 0;
    for (byte b : body) {
      if (b == '\n') {
        lines++;
      }
    }
    return new Payload(
        url,
        body,
        IngestFormat.OWID,
        Optional.of(m.indicator()),
        Optional.of(m.sourceCode()),
        "",
        Math.max(0, lines - 1),
        1);
  }
}
