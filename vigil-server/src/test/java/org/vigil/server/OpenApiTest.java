package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("openapi");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void openapi_document_parsesWithoutMessages() throws IOException {
    SwaggerParseResult result = parse();
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
  }

  @Test
  void openapi_pathsAndMethods_equalRegisteredRoutes() throws IOException {
    Set<String> documented = new TreeSet<>();
    OpenAPI api = parse().getOpenAPI();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name() + " " + path)));
    Set<String> registered = new TreeSet<>();
    for (Routes.Route r : server.server().routes()) {
      if (r.documented()) {
        registered.add(r.method() + " " + r.path().replaceAll("<([^>]+)>", "{$1}"));
      }
    }
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void openapi_servedAtApiPath_isTheResource() throws Exception {
    var response = server.get("/api/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(resource());
  }

  @Test
  void docs_page_loadsSwaggerUiFromWebjar() throws Exception {
    var page = server.get("/api/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(DocsRoutes.SWAGGER + "swagger-ui-bundle.js");
    var bundle = server.get(DocsRoutes.SWAGGER + "swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
  }

  private static SwaggerParseResult parse() throws IOException {
    return new OpenAPIParser().readContents(resource(), null, null);
  }

  private static String resource() throws IOException {
    try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
