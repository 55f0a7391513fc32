package org.vigil.app.water;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.water.FairnessRule;

/**
 * What to run: a demo basin, the first month and horizon, the fairness rule, the inflow scenario,
 * and how the stored run is classified. Validated on construction ({@link InvalidInputException}
 * naming the field, the value and the choices), so a bad request never reaches the engine or the
 * store.
 *
 * @param basin the basin's area code (SYR_DARYA, AMU_DARYA)
 * @param start the first month, from {@value #FIRST_START} on
 * @param months the horizon, 1 to {@value #MAX_MONTHS}
 * @param fairness how a shortage is shared
 * @param scenario dry, normal or wet inflows
 * @param classification who may read the stored run besides its owner (default SHARED)
 * @param sharedWith the organisations named for RESTRICTED, empty otherwise
 */
public record WaterRunRequest(
    String basin,
    YearMonth start,
    int months,
    FairnessRule fairness,
    InflowScenario scenario,
    Classification classification,
    Set<String> sharedWith) {
  /** The longest horizon. */
  public static final int MAX_MONTHS = 36;

  /** The earliest start: the synthetic history must hold the forecast's ten years before it. */
  public static final String FIRST_START = "2001-01";

  public WaterRunRequest {
    Objects.requireNonNull(fairness, "fairness");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(classification, "classification");
    sharedWith = Set.copyOf(sharedWith);
    if (DemoBasins.find(basin).isEmpty()) {
      throw new InvalidInputException(
          "Unknown basin '" + basin + "': expected one of " + codes() + " (./vigil water basins)");
    }
    basin = DemoBasins.find(basin).orElseThrow().code();
    Objects.requireNonNull(start, "start");
    if (start.isBefore(YearMonth.parse(FIRST_START)) || start.getYear() > 2100) {
      throw new InvalidInputException(
          "Start month must lie in " + FIRST_START + "..2100-12, found " + start);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new InvalidInputException(
          "Months must be 1.." + MAX_MONTHS + ", found " + months + ": e.g. 12 for a water year");
    }
    if (classification == Classification.RESTRICTED && sharedWith.isEmpty()) {
      throw new InvalidInputException(
          "A RESTRICTED run names the organisations to share it with, found none");
    }
    if (classification != Classification.RESTRICTED && !sharedWith.isEmpty()) {
      throw new InvalidInputException(
          "Only a RESTRICTED run names organisations to share with, found "
              + classification
              + " with "
              + sharedWith);
    }
  }

  /**
   * A request from text as typed on the command line or sent to the API: start {@code yyyy-MM}
   * (default {@code defaultStart}), months (default 12), fairness {@code proportional} or {@code
   * max-min}, scenario {@code dry|normal|wet}, classification (default SHARED).
   */
  public static WaterRunRequest parse(
      String basin,
      String start,
      Integer months,
      String fairness,
      String scenario,
      String classification,
      YearMonth defaultStart) {
    return new WaterRunRequest(
        basin,
        start == null || start.isBlank() ? defaultStart : month(start),
        months == null ? 12 : months,
        fairness == null || fairness.isBlank() ? FairnessRule.PROPORTIONAL : fairness(fairness),
        scenario == null || scenario.isBlank()
            ? InflowScenario.NORMAL
            : InflowScenario.parse(scenario),
        classification == null || classification.isBlank()
            ? Classification.SHARED
            : classification(classification),
        Set.of());
  }

  /** Parses proportional, max-min (or max_min, maxmin) in any case. */
  public static FairnessRule fairness(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (t.equals("MAXMIN")) {
      t = "MAX_MIN";
    }
    for (FairnessRule r : FairnessRule.values()) {
      if (r.name().equals(t)) {
        return r;
      }
    }
    throw new InvalidInputException(
        "Unknown fairness rule '" + text + "': expected proportional or max-min");
  }

  /** Parses yyyy-MM. */
  public static YearMonth month(String text) {
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "Start month must be yyyy-MM such as 2027-01, found '" + text + "'");
    }
  }

  private static Classification classification(String text) {
    try {
      return Classification.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static String codes() {
    return String.join(", ", DemoBasins.all().stream().map(DemoBasin::code).toList());
  }
}
