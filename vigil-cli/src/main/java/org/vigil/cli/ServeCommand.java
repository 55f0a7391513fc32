package org.vigil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.app.Vigil;
import org.vigil.server.ServerConfig;
import org.vigil.server.VigilServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil serve}: runs the HTTP server until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the web server (API, docs and web UI).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "TCP port (default: 7070; 0 picks a free one).")
  int port = 7070;

  @Option(
      names = "--host",
      description = "Interface to listen on (default: 127.0.0.1; 0.0.0.0 for all).")
  String host = "127.0.0.1";

  @Option(names = "--demo", description = "Load the demo data set first (once; idempotent).")
  boolean demo;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PEM, PKCS#8).")
  Path tlsKey;

  @Override
  public Integer call() throws InterruptedException {
    VigilCommand root = VigilCommand.of(spec);
    ServerConfig config =
        ServerConfig.builder().host(host).port(port).tls(tlsCert, tlsKey).demo(demo).build();
    Vigil vigil = root.openVigil();
    if (demo) {
      root.err().println("Loading demo data (first run only)...");
      DemoLogins.load(vigil, root.err());
      new org.vigil.app.alert.AlertService(vigil).evaluate(root.operator());
    }
    VigilServer server = VigilServer.start(vigil, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  vigil.close();
                  stopped.countDown();
                }));
    String scheme = config.tls() ? "https" : "http";
    String shownHost = "0.0.0.0".equals(host) ? "localhost" : host;
    root.out()
        .println("Vigil is running at " + scheme + "://" + shownHost + ":" + server.port() + "/");
    root.out()
        .println("API docs: " + scheme + "://" + shownHost + ":" + server.port() + "/api/docs");
    if (demo) {
      DemoLogins.print(root.out());
    }
    root.out().println("Press Ctrl+C to stop.");
    root.out().flush();
    stopped.await();
    return VigilCommand.OK;
  }
}
