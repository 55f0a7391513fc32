package org.vigil.app.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.AlreadyLoadedException;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Document;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.model.i18n.Translations;
import org.vigil.model.text.DocumentRepository;
import org.vigil.model.text.TextDocument;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * Signals derived from texts (issue 11, item 5): monthly counts stored as ordinary indicator
 * series, so the trends, anomalies, alert rules and any risk methodology that names them watch them
 * like any other series.
 *
 * <ul>
 *   <li>{@code TEXT_DOCS_<DOMAIN>}: documents about the domain that name the state, per month;
 *   <li>{@code TEXT_EVENTS_<DOMAIN>_<CATEGORY>}: events coded to the PLOVER category in documents
 *       about the domain, per month, counted for the event's countries (the document's states when
 *       the event names none).
 * </ul>
 *
 * Each indicator's source starts with {@value #DERIVED} and gives the search that defines it. A
 * series belongs to the owner of the documents it counts (owner is part of a series' identity);
 * each monthly value takes the most restrictive classification among the documents it counts, so
 * nobody learns from a count what they could not read as text; months without documents (from the
 * owner's first to its latest dated document, within the last {@value #MAX_MONTHS} months up to the
 * clock's) are zero and take the series' most restrictive classification: a month of the owner's
 * reports without one on the domain and state is a count of zero, and a month that has not begun is
 * not counted. Documents without a published date are not counted. Recomputing writes only the
 * values that changed (the store skips equal vintages). Thread-safe (stateless between calls).
 */
public final class TextSignals {
  /** The prefix of every derived indicator's source. */
  public static final String DERIVED = "derived-from-texts";

  /** The prefix of every derived indicator's code. */
  public static final String PREFIX = "TEXT_";

  static final int MAX_MONTHS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vigil vigil;
  private final DocumentRepository repo;

  public TextSignals(Vigil vigil, DocumentRepository repo) {
    this.vigil = vigil;
    this.repo = repo;
  }

  /** What one recomputation did. */
  public record Result(int series, int values, int stored) {}

  /**
   * Recounts the series of the given owners' documents and stores the changed values (an internal
   * job: the system context writes, as the demo loader does).
   */
  public Result recompute(Collection<String> owners) {
    AccessContext sys = AccessContext.system();
    Set<String> wanted = Set.copyOf(owners);
    Set<String> areas =
        vigil.reference().areas(sys).stream()
            .filter(a -> a.kind() == AreaKind.COUNTRY)
            .map(Area::code)
            .collect(Collectors.toSet());
    LocalDate today = LocalDate.ofInstant(vigil.clock().instant(), ZoneOffset.UTC);
    Counts counts = new Counts(Period.containing(today, Frequency.MONTHLY));
    repo.forEach(
        sys,
        t -> {
          if (wanted.contains(t.document().ownership().owner())) {
            counts.add(t, areas);
          }
        });
    List<Observation> rows = counts.observations();
    ensureIndicators(sys, counts.indicators(), counts.real());
    if (rows.isEmpty()) {
      return new Result(0, 0, 0);
    }
    IngestBatch batch =
        new IngestBatch(
            0,
            sys.user(),
            sys.organisation(),
            Instant.EPOCH,
            "texts: signals of " + String.join(",", new TreeSet<>(wanted)),
            digest(rows),
            "texts",
            rows.size(),
            0,
            0);
    try {
      IngestBatch stored = vigil.observations().append(sys, batch, rows);
      return new Result(counts.seriesCount(), rows.size(), stored.rowsAdded());
    } catch (AlreadyLoadedException e) {
      return new Result(counts.seriesCount(), rows.size(), 0); // exactly these counts are stored
    }
  }

  /**
   * Creates the missing indicators; one counting only synthetic texts (a source naming SYNTHETIC,
   * as the demo corpus's) is marked synthetic, and loses the mark once it counts a real text.
   */
  private void ensureIndicators(AccessContext sys, Set<String> codes, Set<String> real) {
    Map<String, Indicator> known =
        vigil.reference().indicators(sys).stream()
            .collect(Collectors.toMap(Indicator::code, i -> i));
    for (String code : codes) {
      Indicator was = known.get(code);
      boolean synthetic = !real.contains(code) && (was == null || was.synthetic());
      if (was == null || was.synthetic() != synthetic) {
        vigil.reference().saveIndicator(sys, indicator(code, synthetic));
      }
    }
  }

  /** The code of the documents series of a domain. */
  public static String documentsCode(ThreatDomain d) {
    return PREFIX + "DOCS_" + d.name();
  }

  /** The code of the coded-events series of a domain and PLOVER category. */
  public static String eventsCode(ThreatDomain d, String category) {
    return PREFIX + "EVENTS_" + d.name() + "_" + category.toUpperCase(Locale.ROOT);
  }

  /** True when an indicator is derived from texts. */
  public static boolean derived(Indicator i) {
    return i.source().startsWith(DERIVED);
  }

  /** The indicator (names, domain, defining query) of a derived code. */
  static Indicator indicator(String code, boolean synthetic) {
    for (ThreatDomain d : ThreatDomain.values()) {
      if (code.equals(documentsCode(d))) {
        return new Indicator(
            code,
            "Reports on " + d.nameEn().toLowerCase(Locale.ROOT) + " (documents from texts)",
            "Сообщения: " + d.nameRu().toLowerCase(Locale.ROOT) + " (документы из текстов)",
            d,
            "documents",
            Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            DERIVED
                + ": documents per month matching `docs search --domain "
                + d.name()
                + " --state AREA`",
            synthetic);
      }
      String events = PREFIX + "EVENTS_" + d.name() + "_";
      if (code.startsWith(events) && code.length() > events.length()) {
        String category = code.substring(events.length());
        return new Indicator(
            code,
            "Events of category \u201c"
                + Translations.of("en").getOrDefault("plover." + category, category)
                + "\u201d in reports on "
                + d.nameEn().toLowerCase(Locale.ROOT),
            "События категории «"
                + Translations.of("ru").getOrDefault("plover." + category, category)
                + "» в сообщениях: "
                + d.nameRu().toLowerCase(Locale.ROOT),
            d,
            "events",
            Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            DERIVED
                + ": PLOVER "
                + category
                + " events per month in `docs search --domain "
                + d.name()
                + " --category "
                + category
                + "`, for the event's states (else"
                + " the document's)",
            synthetic);
      }
    }
    throw new IllegalArgumentException("Not a text-derived indicator code: " + code);
  }

  /** Monthly counts per (indicator, area, owner), with the strictest ownership per month. */
  static final class Counts {
    private final Period current;
    private final Period first;
    private final Map<String, TreeMap<Period, Cell>> series = new TreeMap<>();
    private final Map<String, Period> earliest = new HashMap<>();
    private final Map<String, Period> latest = new HashMap<>();
    private final Set<String> real = new TreeSet<>();

    Counts(Period current) {
      this.current = current;
      this.first = current.plus(-(MAX_MONTHS - 1));
    }

    private static final class Cell {
      int count;
      Ownership ownership;
    }

    void add(TextDocument t, Set<String> areas) {
      Document d = t.document();
      if (d.published().equals(LocalDate.EPOCH)) {
        return; // no published date: cannot be placed in a month
      }
      Period p = Period.containing(d.published(), Frequency.MONTHLY);
      if (p.compareTo(current) > 0 || p.compareTo(first) < 0) {
        return;
      }
      String owner = d.ownership().owner();
      synthetic = d.synthetic();
      earliest.merge(owner, p, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      latest.merge(owner, p, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      Set<String> states = new LinkedHashSet<>(d.areas());
      states.retainAll(areas);
      for (ThreatDomain dom : d.domains()) {
        for (String s : states) {
          bump(documentsCode(dom), s, p, d.ownership(), 1);
        }
      }
      if (d.domains().isEmpty()) {
        return;
      }
      for (Event e : events(t.extractionJson())) {
        Set<String> where = new LinkedHashSet<>(e.countries());
        where.retainAll(areas);
        if (where.isEmpty()) {
          where = states;
        }
        for (ThreatDomain dom : d.domains()) {
          for (String s : where) {
            bump(eventsCode(dom, e.category()), s, p, d.ownership(), 1);
          }
        }
      }
    }

    private boolean synthetic;

    private void bump(String code, String area, Period p, Ownership o, int n) {
      if (!synthetic) {
        real.add(code);
      }
      Cell c =
          series
              .computeIfAbsent(code + "|" + area + "|" + o.owner(), k -> new TreeMap<>())
              .computeIfAbsent(p, k -> new Cell());
      c.count += n;
      c.ownership = Ownership.stricter(c.ownership, o);
    }

    Set<String> indicators() {
      Set<String> out = new TreeSet<>();
      series.keySet().forEach(k -> out.add(k.substring(0, k.indexOf('|'))));
      return out;
    }

    /** The indicators that count at least one text that is not synthetic. */
    Set<String> real() {
      return real;
    }

    int seriesCount() {
      return series.size();
    }

    List<Observation> observations() {
      List<Observation> out = new ArrayList<>();
      for (Map.Entry<String, TreeMap<Period, Cell>> e : series.entrySet()) {
        String[] k = e.getKey().split("\\|", 3);
        Ownership strictest = null;
        for (Cell c : e.getValue().values()) {
          strictest = Ownership.stricter(strictest, c.ownership);
        }
        Period last = latest.get(k[2]);
        for (Period p = earliest.get(k[2]); p.compareTo(last) <= 0; p = p.plus(1)) {
          Cell c = e.getValue().get(p);
          out.add(
              new Observation(
                  k[0],
                  k[1],
                  p,
                  c == null ? 0 : c.count,
                  "",
                  "texts",
                  0,
                  null,
                  c == null ? strictest : c.ownership));
        }
      }
      return out;
    }
  }

  /** A coded event as the counts need it. */
  record Event(String category, Set<String> countries) {}

  static List<Event> events(String extractionJson) {
    JsonNode x;
    try {
      x = JSON.readTree(extractionJson);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a stored extraction", e);
    }
    List<Event> out = new ArrayList<>();
    for (JsonNode n : x.path("events")) {
      String category = n.path("category").asText("");
      if (!category.matches("[A-Za-z_]{2,20}")) {
        continue;
      }
      Set<String> countries = new LinkedHashSet<>();
      n.path("sourceCountries").forEach(c -> countries.add(c.asText()));
      n.path("targetCountries").forEach(c -> countries.add(c.asText()));
      out.add(new Event(category.toUpperCase(Locale.ROOT), countries));
    }
    return out;
  }

  private static String digest(List<Observation> rows) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Observation o : rows) {
        String line =
            o.indicator()
                + "|"
                + o.area()
                + "|"
                + o.ownership().owner()
                + "|"
                + o.period()
                + "|"
                + o.value()
                + "|"
                + o.ownership().classification()
                + "|"
                + new TreeSet<>(o.ownership().sharedWith())
                + "\n";
        md.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }
}
