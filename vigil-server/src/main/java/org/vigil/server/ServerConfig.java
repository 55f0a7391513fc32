package org.vigil.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the server listens and what it accepts.
 *
 * @param host interface to bind (127.0.0.1 by default; "0.0.0.0" for all)
 * @param port TCP port; 0 picks a free one
 * @param tlsCertificate PEM certificate chain; with {@code tlsKey} the server speaks HTTPS only
 * @param tlsKey PEM PKCS#8 private key
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param requestsPerMinute requests per client address and minute before 429 (0 = unlimited)
 * @param demo true for {@code serve --demo}: the published demo password still logs in
 * @param analyseEvery run the analytic run at start and then at this interval (empty: never; the
 *     default, so tests run it only when they set it)
 * @param sourcesSettings the public-source settings ({@code VIGIL_SOURCES_SCHEDULE}, {@code
 *     VIGIL_SOURCES_FILE}, {@code VIGIL_SOURCE_URL_<NAME>}, tokens): {@code serve} passes the
 *     environment; empty by default, so tests neither schedule pulls nor reach the internet unless
 *     they say so
 */
public record ServerConfig(
    String host,
    int port,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    long maxBodyBytes,
    int requestsPerMinute,
    boolean demo,
    Optional<Duration> analyseEvery,
    java.util.Map<String, String> sourcesSettings) {

  /** Loopback, a free port, 20 MB bodies, 600 requests a minute per address. */
  public static final ServerConfig DEFAULT = builder().build();

  public ServerConfig {
    sourcesSettings =
        sourcesSettings == null ? java.util.Map.of() : java.util.Map.copyOf(sourcesSettings);
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("Server host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Server port must be 0-65535, found " + port);
    }
    if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException(
          "TLS needs both a certificate and a key (--tls-cert and --tls-key), found only one");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be at least 1024, found " + maxBodyBytes);
    }
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException(
          "requestsPerMinute must be >= 0 (0 = unlimited), found " + requestsPerMinute);
    }
    if (analyseEvery.isPresent()
        && (analyseEvery.get().isNegative() || analyseEvery.get().toMillis() < 100)) {
      throw new IllegalArgumentException(
          "The analytic run interval must be at least 100 ms (e.g. 1h), found "
              + analyseEvery.get());
    }
  }

  public boolean tls() {
    return tlsCertificate.isPresent();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .tls(tlsCertificate.orElse(null), tlsKey.orElse(null))
        .maxBodyBytes(maxBodyBytes)
        .requestsPerMinute(requestsPerMinute)
        .demo(demo)
        .analyseEvery(analyseEvery.orElse(null))
        .sourcesSettings(sourcesSettings);
  }

  /** Builds a {@link ServerConfig}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Path cert;
    private Path key;
    private long maxBodyBytes = 20L * 1024 * 1024;
    private int requestsPerMinute = 600;
    private boolean demo;
    private Duration analyseEvery;
    private java.util.Map<String, String> sourcesSettings = java.util.Map.of();

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Both paths, or both null for plain HTTP. */
    public Builder tls(Path certificate, Path key) {
      this.cert = certificate;
      this.key = key;
      return this;
    }

    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    public Builder requestsPerMinute(int n) {
      this.requestsPerMinute = n;
      return this;
    }

    /** Demo mode: the demo logins work with their published password (never in production). */
    public Builder demo(boolean demoMode) {
      this.demo = demoMode;
      return this;
    }

    /** Runs the analytic run at start and then at this interval; null: never. */
    public Builder analyseEvery(Duration every) {
      this.analyseEvery = every;
      return this;
    }

    /** The public-source settings (serve passes the environment); empty: defaults, no schedule. */
    public Builder sourcesSettings(java.util.Map<String, String> settings) {
      this.sourcesSettings = settings;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          Optional.ofNullable(cert),
          Optional.ofNullable(key),
          maxBodyBytes,
          requestsPerMinute,
          demo,
          Optional.ofNullable(analyseEvery),
          sourcesSettings);
    }
  }
}
