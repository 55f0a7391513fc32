package org.vigil.app.water;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.vigil.water.AllocationResult;
import org.vigil.water.ConstraintRef;
import org.vigil.water.Node;

/**
 * The words of water output in one language, from the engine's structured results: node kinds,
 * constraints, the relief and infeasibility sentences, headings. The sentences are written from the
 * records ({@link ConstraintRef}, bounds, per-state changes, {@link AllocationResult.Conflict}s),
 * not by translating the engine's English text; one bundle per language ({@code
 * org/vigil/app/water/words_<lang>.properties}, UTF-8, the same keys in each). Numbers have one
 * decimal, with the language's decimal mark. Immutable, thread-safe.
 */
public final class WaterWords {
  /** The languages with a bundle. */
  public static final List<String> LANGUAGES = List.of("en", "ru");

  private final String lang;
  private final Locale locale;
  private final Map<String, String> words;
  private final Map<String, String> names;
  private final Map<String, String> states;

  private WaterWords(String lang, Map<String, String> words, Map<String, String> names) {
    this(lang, words, names, Map.of());
  }

  private WaterWords(
      String lang,
      Map<String, String> words,
      Map<String, String> names,
      Map<String, String> states) {
    this.lang = lang;
    this.locale = Locale.forLanguageTag(lang);
    this.words = words;
    this.names = names;
    this.states = Map.copyOf(states);
  }

  private static final Map<String, WaterWords> ALL =
      Map.of(
          "en",
          new WaterWords("en", load("en"), Map.of()),
          "ru",
          new WaterWords("ru", load("ru"), DemoBasinNames.all()));

  /**
   * The words of "en" or "ru" (any case).
   *
   * @throws IllegalArgumentException for another language, naming the choices
   */
  public static WaterWords of(String lang) {
    String l = lang == null ? "en" : lang.trim().toLowerCase(Locale.ROOT);
    WaterWords w = ALL.get(l.isEmpty() ? "en" : l);
    if (w == null) {
      throw new IllegalArgumentException(
          "Unknown language '" + lang + "': expected one of " + LANGUAGES);
    }
    return w;
  }

  /**
   * These words with the states named in this language, not by their codes ("Kazakhstan" rather
   * than "KAZ"); a state missing from the map keeps its code.
   *
   * @param stateNames ISO3 code to the state's name in this language
   */
  public WaterWords withStateNames(Map<String, String> stateNames) {
    return new WaterWords(lang, words, names, stateNames);
  }

  /** A state's name in this language when known ({@link #withStateNames}), else its code. */
  public String state(String code) {
    return states.getOrDefault(code, code);
  }

  /** The language code. */
  public String language() {
    return lang;
  }

  /** Every key of the bundle (for the test that both bundles have the same keys). */
  public java.util.Set<String> keys() {
    return Collections.unmodifiableSet(words.keySet());
  }

  /** The text of a key with {name} placeholders filled. */
  public String text(String key, Map<String, ?> args) {
    String s = words.get(key);
    if (s == null) {
      throw new IllegalStateException("No water text '" + key + "' in language " + lang);
    }
    for (Map.Entry<String, ?> e : args.entrySet()) {
      s = s.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
    }
    return s;
  }

  /** The text of a key without placeholders. */
  /**
   * A diagnostic of the engine (English) worded in this language: the relief search's "not checked"
   * note has its own words; any other diagnostic is kept as the engine wrote it.
   */
  public String note(String diagnostic) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "relief: (\\d+) active constraints not checked after (\\d+) re-solves \\(max"
                    + " relief checks (\\d+)\\)")
            .matcher(diagnostic);
    String text =
        m.matches()
            ? text(
                "run.note.reliefUnchecked",
                Map.of("skipped", m.group(1), "checks", m.group(2), "max", m.group(3)))
            : diagnostic;
    return text("run.note", Map.of("text", text));
  }

  public String text(String key) {
    return text(key, Map.of());
  }

  /** A volume or percentage with one decimal in this language ("12.5", "12,5"). */
  public String number(double v) {
    return String.format(locale, "%.1f", v);
  }

  /** A node kind, singular ("reservoir", "водохранилище"). */
  public String kind(Node.Kind kind) {
    return text("kind." + kind.name());
  }

  /** A node kind, plural ("reservoirs", "водохранилища"). */
  public String kinds(Node.Kind kind) {
    return text("kinds." + kind.name());
  }

  /** A column heading of water tables. */
  public String column(String name) {
    return text("col." + name);
  }

  /** The scenario's name (dry, normal, wet) in this language. */
  public String scenario(String label) {
    return text("scenario." + label.toLowerCase(Locale.ROOT));
  }

  /** A constraint group in words, without its month. */
  public String constraint(ConstraintRef.Kind kind, String subject) {
    return text("constraint." + kind.name(), Map.of("subject", name(kind, subject)));
  }

  /**
   * A node's name in this language: the demo basins' nodes have Russian names; others stay as
   * given. A link's subject ('A' -> 'B') has each end named.
   */
  public String name(String node) {
    return names.getOrDefault(node, node);
  }

  private String name(ConstraintRef.Kind kind, String subject) {
    if (kind == ConstraintRef.Kind.LINK_CAPACITY && subject.startsWith("'")) {
      String[] ends = subject.substring(1, subject.length() - 1).split("' -> '", 2);
      if (ends.length == 2) {
        return lang.equals("ru")
            ? "«" + name(ends[0]) + "» → «" + name(ends[1]) + "»"
            : "'" + ends[0] + "' -> '" + ends[1] + "'";
      }
    }
    return name(subject);
  }

  /** A constraint in words with its month, if it has one. */
  public String constraint(ConstraintRef ref, YearMonth start) {
    String what = constraint(ref.kind(), ref.subject());
    return ref.month() == ConstraintRef.HORIZON
        ? what
        : text(
            "constraint.inMonth",
            Map.of("constraint", what, "month", start.plusMonths(ref.month())));
  }

  /**
   * The relief sentence: what relaxing the constraint by the run's step would change per state.
   *
   * @param relief the engine's relief
   * @param start the run's first month
   * @param shortfallByState each state's shortfall over the horizon before the relief, hm³
   */
  public String relief(
      AllocationResult.Relief relief, YearMonth start, Map<String, Double> shortfallByState) {
    double step = relief.bound() == 0 ? 0 : Math.abs(relief.relaxedBound() / relief.bound() - 1);
    List<String> effects = new ArrayList<>();
    relief
        .shortfallChangeByState()
        .forEach((s, d) -> effects.add(effect(s, d, shortfallByState.getOrDefault(s, 0.0))));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pct", String.format(locale, "%.0f%%", step * 100));
    args.put("constraint", constraint(relief.constraint(), start));
    args.put("from", number(relief.bound()));
    args.put("to", number(relief.relaxedBound()));
    args.put(
        "effects", effects.isEmpty() ? text("relief.objectiveOnly") : String.join(", ", effects));
    return text(relief.constraint().kind().isLowerBound() ? "relief.lower" : "relief.raise", args);
  }

  private String effect(String state, double change, double before) {
    Map<String, Object> args = new TreeMap<>();
    args.put("state", state(state));
    args.put("before", number(before));
    args.put("after", number(before + change));
    args.put("change", number(Math.abs(change)));
    if (change < 0 && before + change <= 1e-6 * (1 + before)) {
      return text("relief.removes", args);
    }
    return text(change < 0 ? "relief.cuts" : "relief.raises", args);
  }

  /** Why a scenario is infeasible, from its conflicts; empty for a feasible result. */
  public String explanation(AllocationResult result) {
    if (result.isFeasible()) {
      return "";
    }
    List<String> inConflict = new ArrayList<>();
    List<String> relax = new ArrayList<>();
    for (AllocationResult.Conflict c : result.conflicts()) {
      String what = constraint(c.group().kind(), c.group().subject());
      if (c.inConflict()) {
        inConflict.add(what);
      }
      if (c.relaxation() > 0) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("constraint", what);
        args.put("amount", number(c.relaxation()));
        args.put("months", String.join(", ", c.months().stream().map(String::valueOf).toList()));
        relax.add(
            text(c.months().isEmpty() ? "infeasible.relaxItem" : "infeasible.relaxMonths", args));
      }
    }
    StringBuilder sb = new StringBuilder(text("infeasible.head")).append(' ');
    sb.append(
        inConflict.size() == 1
            ? text("infeasible.one", Map.of("constraint", inConflict.get(0)))
            : text("infeasible.many", Map.of("constraints", String.join("; ", inConflict))));
    if (!relax.isEmpty()) {
      sb.append(' ').append(text("infeasible.relax", Map.of("items", String.join("; ", relax))));
    }
    return sb.toString();
  }

  private static Map<String, String> load(String lang) {
    String path = "/org/vigil/app/water/words_" + lang + ".properties";
    try (InputStream in = WaterWords.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing water words " + path);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read water words " + path, e);
    }
  }
}
