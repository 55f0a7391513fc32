package org.vigil.server;

import io.javalin.config.JavalinConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.vigil.model.InvalidInputException;

/**
 * HTTPS from a PEM certificate chain and a PEM PKCS#8 private key (RSA or EC), as produced by Let's
 * Encrypt or {@code openssl}. With TLS on, the server listens on HTTPS only, and session cookies
 * are marked Secure.
 */
final class TlsConnector {
  private TlsConnector() {}

  static void configure(JavalinConfig cfg, ServerConfig config) {
    if (!config.tls()) {
      return;
    }
    KeyStore keyStore =
        keyStore(config.tlsCertificate().orElseThrow(), config.tlsKey().orElseThrow());
    cfg.jetty.addConnector(
        (server, httpConfig) -> {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setKeyStore(keyStore);
          ssl.setKeyStorePassword(PASSWORD);
          ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
          HttpConfiguration https = new HttpConfiguration(httpConfig);
          SecureRequestCustomizer secure = new SecureRequestCustomizer();
          secure.setSniHostCheck(false);
          https.addCustomizer(secure);
          ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(ssl, "http/1.1"),
                  new HttpConnectionFactory(https));
          connector.setHost(config.host());
          connector.setPort(config.port());
          return connector;
        });
  }

  /** Only protects the in-memory key store; never written anywhere. */
  private static final String PASSWORD =
      HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

  static KeyStore keyStore(Path certificate, Path key) {
    try {
      List<Certificate> chain = certificates(certificate);
      PrivateKey privateKey = privateKey(key);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "vigil", privateKey, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(
          "Cannot use the TLS certificate "
              + certificate
              + " and key "
              + key
              + ": "
              + e.getMessage()
              + ". Expected a PEM certificate chain and a PEM PKCS#8 key ('BEGIN PRIVATE KEY';"
              + " convert others with: openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key)");
    }
  }

  private static List<Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    byte[] pem = read(file);
    Collection<? extends Certificate> certs =
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
    if (certs.isEmpty()) {
      throw new GeneralSecurityException("no certificate found in " + file);
    }
    return List.copyOf(certs);
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    String text = new String(read(file), StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException("no 'BEGIN PRIVATE KEY' block in " + file);
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException("the key in " + file + " is not an RSA, EC or Ed25519 key");
  }

  private static byte[] read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file");
    }
    return Files.readAllBytes(file);
  }
}
