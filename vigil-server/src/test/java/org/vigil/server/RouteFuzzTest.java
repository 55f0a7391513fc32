package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.programme.ProgrammeDemo;

/**
 * Issue 17, "400 not 500 for every malformed input": every route of the OpenAPI document, on a real
 * server over the demo, gets malformed path parameters, malformed query parameters (periods, dates
 * such as {@code +999999999-12-31}, numbers, enums), and malformed bodies ({@code null}, wrong JSON
 * types for every documented property, 5,000-deep nesting, truncated JSON), as a system admin, an
 * organisation admin and the programme coordinator (reads as the system admin only: their
 * parameters are parsed the same for every role). No answer may be a 5xx; every 4xx is
 * problem+json. The list of failures names route, input and answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> USERS =
      List.of("admin", "kaz.admin", "secretariat.coordinator");

  /** Malformed values for any path or query parameter. */
  private static final List<String> BAD_VALUES =
      List.of(
          "not-a-period",
          "2024-13",
          "2024-Q5",
          "2024-W60",
          "+999999999-12-31",
          "99999999999999999999",
          "-1",
          "NaN",
          "%00",
          "' OR 1=1 --",
          "..%2F..%2Fetc%2Fpasswd",
          "x".repeat(2_000),
          "");

  /** Bodies of the wrong shape for any route. */
  private static final List<String> BAD_BODIES =
      List.of(
          "null",
          "[]",
          "\"text\"",
          "42",
          "true",
          "{",
          "{\"a\":1,\"a\":2}",
          "[".repeat(5_000) + "]".repeat(5_000),
          "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
          "{}");

  /** Wrong-typed values put into each documented property of a body. */
  private static final List<String> WRONG_TYPES =
      List.of(
          "null",
          "\"not-a-period\"",
          "\"+999999999-12-31\"",
          "1e400",
          "-1",
          "[1,2]",
          "{\"x\":{}}",
          "true");

  /** Valid values of the other query parameters, so that the malformed one is what is read. */
  private static final Map<String, String> VALID_QUERY =
      Map.of("indicator", "VIOLENT_DEATHS", "area", "KAZ");

  private TestServer server;
  private final Map<String, Map<String, String>> auth = new LinkedHashMap<>();

  @BeforeAll
  void start() throws Exception {
    Vigil vigil = Vigil.open(VigilConfig.h2InMemory("route_fuzz"));
    DemoData.load(vigil);
    server =
        TestServer.start(
            vigil, ServerConfig.builder().demo(true).requestsPerMinute(1_000_000).build());
    for (String u : USERS) {
      auth.put(u, login(u));
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Map<String, String> login(String user) throws Exception {
    return server.as(user, DemoData.PASSWORD);
  }

  /** One documented operation. */
  private record Operation(
      String method,
      String path,
      List<String> pathParams,
      List<String> queryParams,
      List<String> bodyProperties,
      boolean body) {}

  /** One request sent, and what came back. */
  private record Probe(String user, String method, String uri, String body) {}

  @Test
  void everyRoute_malformedInput_isA4xxProblemNever500() throws Exception {
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(40);
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (String user : USERS) {
      for (Operation op : operations) {
        if (op.path().equals("/api/auth/logout")) {
          continue; // it would end the session the other probes use
        }
        if (op.method().equals("GET") && !user.equals(USERS.get(0))) {
          continue; // reads are parsed the same for every role: one reader is enough
        }
        for (Probe p : probes(user, op)) {
          sent++;
          check(p, failures);
        }
      }
    }
    millis.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(8)
        .forEach(e -> System.out.println("fuzz time " + e.getValue() + " ms " + e.getKey()));
    System.out.println("fuzz requests " + sent);
    assertThat(sent).isGreaterThan(1_500);
    assertThat(failures).as("requests answered with 5xx or a non-problem 4xx").isEmpty();
  }

  private List<Probe> probes(String user, Operation op) {
    List<Probe> out = new ArrayList<>();
    Map<String, String> valid = new LinkedHashMap<>();
    for (String p : op.pathParams()) {
      valid.put(p, validPathValue(op.path(), p));
    }
    for (String p : op.pathParams()) {
      for (String bad : BAD_VALUES) {
        Map<String, String> values = new LinkedHashMap<>(valid);
        values.put(p, bad);
        out.add(new Probe(user, op.method(), path(op.path(), values), op.body() ? "{}" : null));
      }
    }
    String base = path(op.path(), valid);
    for (String q : op.queryParams()) {
      StringBuilder others = new StringBuilder();
      for (String o : op.queryParams()) {
        String v = VALID_QUERY.get(o);
        if (!o.equals(q) && v != null) {
          others.append('&').append(o).append('=').append(v);
        }
      }
      for (String bad : heavy(op) ? BAD_VALUES.subList(0, 6) : BAD_VALUES) {
        out.add(
            new Probe(
                user,
                op.method(),
                base + "?" + q + "=" + encode(bad) + others,
                op.body() ? "{}" : null));
      }
    }
    if (op.body()) {
      for (String body : BAD_BODIES) {
        out.add(new Probe(user, op.method(), base, body));
      }
      for (String prop : op.bodyProperties()) {
        for (String wrong : WRONG_TYPES) {
          out.add(new Probe(user, op.method(), base, "{\"" + prop + "\":" + wrong + "}"));
        }
      }
    } else if (!op.method().equals("GET")) {
      out.add(new Probe(user, op.method(), base, "null"));
    }
    return out;
  }

  /** Routes that compute a lot when an input is accepted: fewer probes keep the test short. */
  private static boolean heavy(Operation op) {
    return op.path().startsWith("/api/analytics/risk")
        || op.path().startsWith("/api/analytics/priorities")
        || op.path().equals("/api/reports")
        || op.path().contains("/proposals/");
  }

  private void check(Probe p, List<String> failures) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>(auth.get(p.user()));
    HttpResponse<String> r;
    try {
      r = sendOnce(p, headers);
    } catch (java.io.IOException e) {
      failures.add(
          "no answer: "
              + p.user()
              + " "
              + p.method()
              + " "
              + abbreviate(p.uri())
              + (p.body() == null ? "" : " body " + abbreviate(p.body()))
              + ": "
              + e);
      return;
    }
    if (r.statusCode() == 401) {
      // a probe may have ended the session (a password change): log in again and retry once
      auth.put(p.user(), login(p.user()));
      headers = new LinkedHashMap<>(auth.get(p.user()));
      r = sendOnce(p, headers);
    }
    int status = r.statusCode();
    String what =
        p.user()
            + " "
            + p.method()
            + " "
            + abbreviate(p.uri())
            + (p.body() == null ? "" : " body " + abbreviate(p.body()))
            + " -> "
            + status
            + " "
            + abbreviate(r.body());
    if (status >= 500) {
      failures.add(what);
    } else if (status >= 400
        && !r.headers().firstValue("Content-Type").orElse("").startsWith(Problems.CONTENT_TYPE)) {
      failures.add("not problem+json: " + what);
    }
  }

  /** Sends; a connection the server closed while idle is retried once on a new one. */
  private HttpResponse<String> sendOnce(Probe p, Map<String, String> headers) throws Exception {
    long t0 = System.nanoTime();
    try {
      return server.send(p.method(), p.uri(), p.body(), headers);
    } catch (java.io.IOException e) {
      return server.send(p.method(), p.uri(), p.body(), headers);
    } finally {
      String route = p.method() + " " + p.uri().replaceAll("\\?.*", "");
      millis.merge(route, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }
  }

  private final Map<String, Long> millis = new java.util.HashMap<>();

  private static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + " chars)" : s;
  }

  private static String encode(String s) {
    return s.startsWith("%") ? s : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String path(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue();
      out = out.replace("{" + e.getKey() + "}", v.contains("%") ? v : encodePath(v));
    }
    return out;
  }

  private static String encodePath(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A value that reaches the route's logic, so that the other parameter's fault is what fails. */
  private static String validPathValue(String path, String param) {
    return switch (param) {
      case "code" ->
          path.startsWith("/api/programmes")
              ? ProgrammeDemo.CRIME
              : path.startsWith("/api/indicators") ? "VIOLENT_DEATHS" : "KAZ";
      case "username" -> "kaz.viewer";
      case "lang" -> "en";
      case "grantor" -> "KAZ-SC";
      case "grantee" -> "RUS-SC";
      case "classification" -> "SHARED";
      case "version" -> "1";
      case "id" -> path.contains("proposals") ? "K4-TARGET" : "1";
      default -> "1";
    };
  }

  private static List<Operation> operations() throws Exception {
    JsonNode api;
    try (InputStream in = RouteFuzzTest.class.getResourceAsStream("/openapi.json")) {
      api = JSON.readTree(in);
    }
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (!List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
          continue;
        }
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        List<JsonNode> params = new ArrayList<>();
        path.getValue().path("parameters").forEach(params::add);
        m.getValue().path("parameters").forEach(params::add);
        for (JsonNode p : params) {
          JsonNode param = p.has("$ref") ? resolve(api, p.get("$ref").asText()) : p;
          String name = param.path("name").asText();
          if ("path".equals(param.path("in").asText())) {
            pathParams.add(name);
          } else if ("query".equals(param.path("in").asText())) {
            queryParams.add(name);
          }
        }
        JsonNode requestBody = m.getValue().get("requestBody");
        List<String> properties = new ArrayList<>();
        if (requestBody != null) {
          requestBody
              .path("content")
              .forEach(
                  c -> {
                    JsonNode schema = c.path("schema");
                    if (schema.has("$ref")) {
                      schema = resolve(api, schema.get("$ref").asText());
                    }
                    schema.path("properties").fieldNames().forEachRemaining(properties::add);
                  });
        }
        out.add(
            new Operation(
                m.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                pathParams,
                queryParams,
                properties,
                requestBody != null));
      }
    }
    return out;
  }

  private static JsonNode resolve(JsonNode api, String ref) {
    JsonNode n = api;
    for (String part : ref.substring(2).split("/")) {
      n = n.path(part);
    }
    return n;
  }
}
