package org.vigil.app.sources;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Fetches one source's data and hands it over in a format Vigil's ingest reads. */
interface Connector {
  /**
   * Asks the source for the spec's indicators and areas (from {@code since} on, when given).
   *
   * @throws SourceUnavailableException when the source cannot be reached or answers with an error;
   *     nothing is stored then
   */
  Payload fetch(SourceSpec spec, Request request);

  /**
   * What the caller asks for.
   *
   * @param since the first day wanted, or empty for everything
   * @param today the injected clock's date (UTC), for open-ended ranges
   * @param headers extra request headers (an access token)
   * @param http the client that fetches
   */
  record Request(
      Optional<LocalDate> since, LocalDate today, Map<String, String> headers, SourceHttp http) {

    /** GETs {@code uri} with the request's headers and {@code extra} ones. */
    byte[] get(URI uri, Map<String, String> extra) {
      Map<String, String> all = new java.util.LinkedHashMap<>(headers);
      all.putAll(extra);
      return http.get(uri, all);
    }
  }

  /** Encodes one query value. */
  static String enc(String v) {
    return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Parses an address built from the catalogue, naming the source when it is malformed. */
  static URI uri(SourceSpec spec, String address) {
    try {
      return URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new org.vigil.model.InvalidInputException(
          "Source " + spec.name() + ": cannot build a request address from '" + address + "'");
    }
  }
}
