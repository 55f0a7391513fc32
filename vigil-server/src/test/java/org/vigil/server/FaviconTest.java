package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every page names an icon that the server serves as SVG, so no page's console shows a 404. */
class FaviconTest {
  private static final Pattern ICON =
      Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\">");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("favicon");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyPage_linksTheIcon_andTheIconIsServedAsSvg() throws Exception {
    for (String page : new String[] {"/", "/api/docs"}) {
      HttpResponse<String> html = server.get(page);
      assertThat(html.statusCode()).as(page).isEqualTo(200);
      Matcher m = ICON.matcher(html.body());
      assertThat(m.find()).as(page + " links an SVG icon").isTrue();
      HttpResponse<byte[]> icon = server.getBytes(m.group(1), Map.of());
      assertThat(icon.statusCode()).as(m.group(1)).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
      Document svg =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(icon.body()));
      assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
      assertThat(svg.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 32 32");
      assertThat(new String(icon.body(), StandardCharsets.UTF_8)).doesNotContain("<script");
    }
  }

  @Test
  void faviconIco_redirectsToTheSvgIcon_insteadOf404() throws Exception {
    HttpResponse<String> r = server.get("/favicon.ico");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue("/favicon.svg");
  }
}
