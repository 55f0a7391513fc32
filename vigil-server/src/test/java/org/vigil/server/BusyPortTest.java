package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.VigilException;

/** A busy port is a clear domain failure naming the port and the option, at check and at start. */
class BusyPortTest {
  @Test
  void startAndCheck_portInUse_failWithTheSameClearMessage() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Vigil vigil = Vigil.open(VigilConfig.h2InMemory("busy-port-" + System.nanoTime()))) {
      int port = busy.getLocalPort();
      ServerConfig config =
          ServerConfig.builder().host("127.0.0.1").port(port).analyseEvery(null).build();
      String expected = "Port " + port + " on 127.0.0.1 is in use";

      assertThatThrownBy(() -> VigilServer.checkPortFree("127.0.0.1", port))
          .isInstanceOf(VigilException.class)
          .hasMessageStartingWith(expected)
          .hasMessageContaining("--port N");
      assertThatThrownBy(() -> VigilServer.start(vigil, config))
          .isInstanceOf(VigilException.class)
          .hasMessageStartingWith(expected)
          .hasMessageContaining("--port N");
    }
  }
}
