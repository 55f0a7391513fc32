package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.forecast.ForecastService;
import org.vigil.app.forecast.RegionalForecast;
import org.vigil.app.forecast.RegionalForecasts;
import org.vigil.app.report.ReportRequest;
import org.vigil.app.report.ReportService;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.report.Counts;
import org.vigil.report.IndicatorChart;
import org.vigil.report.ReportLanguage;
import org.vigil.report.SituationReport;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Issue 14's acceptance over the whole demo: (1) every count series' forecast has whole,
 * non-negative interval bounds and quantiles, in the API (each state's series read by its own
 * analyst, and the groups') and in the reports' charts (the web UI draws the API's numbers); (2)
 * the CIS forecast of every demo indicator equals the sum (the mean, for means and rates) of the
 * member states' reconciled forecasts to 1e-9, in the API and in the CIS report, and is the same
 * for every reader.
 */
class RegionalCountsAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRETARIAT = "secretariat.analyst";
  private static TestServer server;
  private static Vigil vigil;
  private static List<String> cis;
  private static final Map<String, Map<String, String>> LOGINS = new java.util.HashMap<>();

  @BeforeAll
  static void start() {
    vigil = Vigil.open(VigilConfig.h2InMemory("regional-counts"));
    DemoData.load(vigil);
    server =
        TestServer.start(vigil, ServerConfig.builder().demo(true).requestsPerMinute(0).build());
    cis = vigil.reference().members(AccessContext.system(), "CIS", LocalDate.now(vigil.clock()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyCountSeries_apiBoundsAreWholeAndNonNegative() throws Exception {
    int checked = 0;
    for (Indicator ind : indicators()) {
      boolean anyState = false;
      for (String state : cis) {
        if (!isCountSeries(ind, state)) {
          continue;
        }
        anyState = true;
        String reader = state.toLowerCase(Locale.ROOT) + ".analyst";
        HttpResponse<String> r =
            server.get(
                "/api/forecast?indicator=" + ind.code() + "&area=" + state + "&h=12", as(reader));
        assertThat(r.statusCode()).as(ind.code() + " " + state + ": " + r.body()).isEqualTo(200);
        assertWholeAndNonNegative(JSON.readTree(r.body()), ind.code() + " " + state);
        checked++;
      }
      if (anyState && Counts.isCount(ind)) {
        HttpResponse<String> cisReply =
            server.get("/api/forecast?indicator=" + ind.code() + "&area=CIS", as(SECRETARIAT));
        if (cisReply.statusCode() == 404) {
          // The states keep this indicator national: the secretariat reads no member's values.
          continue;
        }
        JsonNode cisForecast = JSON.readTree(cisReply.body());
        assertWholeAndNonNegative(cisForecast, ind.code() + " CIS");
        for (JsonNode member : cisForecast.get("members")) {
          assertWholeAndNonNegative(member, ind.code() + " CIS member " + member.get("area"));
        }
      }
    }
    // The demo's 10 synthetic count indicators in 10 states, at least.
    assertThat(checked).isGreaterThanOrEqualTo(100);
  }

  @Test
  void cisForecast_ofEveryIndicator_isTheSumOfTheStatesReconciled_inTheApi() throws Exception {
    RegionalForecasts regional = RegionalForecasts.create(vigil);
    int checked = 0;
    for (Indicator ind : indicators()) {
      RegionalForecast r;
      try {
        r = regional.forecast(context(SECRETARIAT), ind.code(), "CIS", 12);
      } catch (org.vigil.model.NotFoundException e) {
        continue;
      }
      double[] sum = memberSum(r);
      JsonNode api = api("/api/forecast?indicator=" + ind.code() + "&area=CIS&h=12", SECRETARIAT);
      JsonNode points = api.get("points");
      for (int k = 0; k < 12; k++) {
        assertThat(points.get(k).asDouble())
            .as(ind.code() + " step " + (k + 1))
            .isCloseTo(sum[k], within(1e-9));
      }
      assertThat(api.get("coverage").get("statesTotal").asInt()).isEqualTo(cis.size());
      // The members the reader may see carry the same reconciled forecasts the sum is made of.
      for (JsonNode m : api.get("members")) {
        double[] own = r.states().get(m.get("area").asText()).points();
        for (int k = 0; k < 12; k++) {
          assertThat(m.get("points").get(k).asDouble()).isCloseTo(own[k], within(1e-9));
        }
      }
      assertThat(api.get("members").size() + api.get("membersWithheld").asInt())
          .isEqualTo(r.covered().size());
      // One number for everyone: a state's analyst who may read the same states gets the very
      // same regional figure (and one made of fewer states says so in its coverage).
      HttpResponse<String> kazReply =
          server.get("/api/forecast?indicator=" + ind.code() + "&area=CIS&h=12", as("kaz.analyst"));
      if (kazReply.statusCode() == 404) {
        // Kazakhstan may read no member's values of this indicator.
        checked++;
        continue;
      }
      assertThat(kazReply.statusCode()).as(ind.code() + ": " + kazReply.body()).isEqualTo(200);
      JsonNode kaz = JSON.readTree(kazReply.body());
      if (kaz.get("coverage").get("states").equals(api.get("coverage").get("states"))) {
        assertThat(kaz.get("points")).isEqualTo(points);
      } else {
        assertThat(kaz.get("coverage").get("statesCovered").asInt())
            .isLessThan(api.get("coverage").get("statesCovered").asInt());
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  @Test
  void aRegionalFigure_isMadeOnlyOfValuesTheReaderMayRead() throws Exception {
    RegionalForecasts regional = RegionalForecasts.create(vigil);
    AccessContext kaz = context("kaz.analyst");
    AccessContext secretariat = context(SECRETARIAT);
    int fewer = 0;
    for (Indicator ind : indicators()) {
      RegionalForecast all;
      try {
        all = regional.forecast(secretariat, ind.code(), "CIS", 12);
      } catch (org.vigil.model.NotFoundException e) {
        continue;
      }
      RegionalForecast own;
      try {
        own = regional.forecast(kaz, ind.code(), "CIS", 12);
      } catch (org.vigil.model.NotFoundException e) {
        // Kazakhstan may read no member's values of this indicator: nothing is shown.
        fewer++;
        continue;
      }
      // Every state the figure covers is one whose values the reader may read.
      for (String state : own.covered()) {
        assertThat(vigil.observations().series(kaz, ind.code(), state))
            .as(ind.code() + " " + state)
            .isNotEmpty();
      }
      if (own.covered().equals(all.covered())) {
        // The same states, the same figure.
        assertThat(own.total().points()).isEqualTo(all.total().points());
      } else {
        assertThat(all.covered()).containsAll(own.covered());
        fewer++;
      }
    }
    // The demo restricts terrorism and extremism to the secretariat and keeps information
    // security NATIONAL: a state's analyst sees those regional figures over fewer states.
    assertThat(fewer).isPositive();
  }

  @Test
  void cisReport_chartsShowTheReconciledSum_andCountBandsAreWhole() {
    RegionalForecasts regional = RegionalForecasts.create(vigil);
    ReportService reports = ReportService.create(vigil);
    AccessContext secretariat = context(SECRETARIAT);
    for (ReportLanguage lang : ReportLanguage.values()) {
      SituationReport rep =
          reports.assemble(secretariat, new ReportRequest("CIS", Optional.empty(), lang));
      List<IndicatorChart> charts = rep.charts().rows();
      assertThat(charts).isNotEmpty();
      int withFan = 0;
      for (IndicatorChart c : charts) {
        if (c.forecast().isEmpty()) {
          continue;
        }
        withFan++;
        // Monthly charts look 12 months ahead, weekly ones 13 weeks and daily ones 28 days.
        double[] sum =
            memberSum(
                regional.forecast(secretariat, c.indicator().code(), "CIS", c.forecast().size()));
        for (int k = 0; k < c.forecast().size(); k++) {
          assertThat(c.forecast().get(k).mean())
              .as(c.indicator().code() + " step " + (k + 1))
              .isCloseTo(sum[k], within(1e-9));
        }
        assertThat(c.coverage().total()).isEqualTo(cis.size());
        if (Counts.isCount(c.indicator())) {
          assertWholeAndNonNegative(c);
        }
      }
      assertThat(withFan).isGreaterThan(0);
    }
  }

  @Test
  void everyStateReport_countChartBandsAreWholeAndNonNegative() {
    ReportService reports = ReportService.create(vigil);
    int checked = 0;
    for (String state : cis) {
      AccessContext analyst = context(state.toLowerCase(Locale.ROOT) + ".analyst");
      SituationReport rep =
          reports.assemble(analyst, new ReportRequest(state, Optional.empty(), ReportLanguage.EN));
      for (IndicatorChart c : rep.charts().rows()) {
        if (Counts.isCount(c.indicator()) && !c.forecast().isEmpty()) {
          assertWholeAndNonNegative(c);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(cis.size());
  }

  private static double[] memberSum(RegionalForecast r) {
    double[] sum = new double[r.total().horizon()];
    for (String s : r.covered()) {
      double[] p = r.states().get(s).points();
      for (int k = 0; k < sum.length; k++) {
        sum[k] += r.aggregation().equals("SUM") ? p[k] : p[k] / r.covered().size();
      }
    }
    return sum;
  }

  private static void assertWholeAndNonNegative(IndicatorChart c) {
    for (IndicatorChart.FanPoint f : c.forecast()) {
      for (double v : new double[] {f.lower80(), f.upper80(), f.lower95(), f.upper95()}) {
        assertThat(v).as(c.indicator().code() + " " + c.area().code()).isEqualTo(Math.rint(v));
        assertThat(v).as(c.indicator().code() + " " + c.area().code()).isNotNegative();
      }
    }
  }

  private static void assertWholeAndNonNegative(JsonNode f, String what) {
    List<Double> bounds = new ArrayList<>();
    f.get("quantiles").forEach(q -> q.forEach(v -> bounds.add(v.asDouble())));
    for (JsonNode i : f.get("intervals")) {
      i.get("lower").forEach(v -> bounds.add(v.asDouble()));
      i.get("upper").forEach(v -> bounds.add(v.asDouble()));
    }
    assertThat(bounds).as(what).isNotEmpty();
    for (double v : bounds) {
      assertThat(v).as(what).isEqualTo(Math.rint(v));
      assertThat(v).as(what).isNotNegative();
    }
  }

  /** A count series: its unit counts things, or every value is a whole number >= 0. */
  private static boolean isCountSeries(Indicator ind, String state) {
    List<Observation> obs = vigil.observations().series(AccessContext.system(), ind.code(), state);
    if (obs.isEmpty()) {
      return false;
    }
    java.util.TreeMap<Period, Double> points = new java.util.TreeMap<>();
    obs.forEach(o -> points.put(o.period(), o.value()));
    TimeSeries ts = TimeSeries.fromPoints(points);
    return Counts.isCount(ind) || ForecastService.isCounts(ts);
  }

  private static List<Indicator> indicators() {
    return vigil.reference().indicators(AccessContext.system());
  }

  /** One login per user (logins are rate-limited and hashing is slow). */
  private static Map<String, String> as(String user) throws Exception {
    Map<String, String> h = LOGINS.get(user);
    if (h == null) {
      h = server.as(user, DemoData.PASSWORD);
      LOGINS.put(user, h);
    }
    return h;
  }

  private static AccessContext context(String user) {
    org.vigil.app.demo.DemoUser u =
        DemoData.users().stream().filter(x -> x.username().equals(user)).findFirst().orElseThrow();
    return AccessContext.of(u.username(), u.organisation(), u.role());
  }

  private static JsonNode api(String path, String reader) throws Exception {
    HttpResponse<String> r = server.get(path, as(reader));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
