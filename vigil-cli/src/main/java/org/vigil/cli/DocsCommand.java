package org.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.app.alert.AlertService;
import org.vigil.app.demo.DemoReference;
import org.vigil.app.text.TextService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.model.text.TextDocument;
import org.vigil.text.DomainClassifier;
import org.vigil.text.DomainTraining;
import org.vigil.text.search.SearchResult;
import org.vigil.text.search.TextQuery;
import org.vigil.text.search.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil docs ingest|search|show|signals|reindex}: open-source texts in, searched and shown
 * with what was extracted (issue 11). Access rules hold as in the API: --user/--token act as that
 * user, the local operator (no credentials) ingests for SECRETARIAT and reads PUBLIC texts only.
 */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description =
        "Open-source texts: ingest files, search, show extractions, count them over time, rebuild"
            + " the index.",
    subcommands = {
      DocsCommand.Ingest.class,
      DocsCommand.Search.class,
      DocsCommand.Show.class,
      DocsCommand.Signals.class,
      DocsCommand.Reindex.class,
      DocsCommand.Train.class
    })
final class DocsCommand implements Runnable {
  private static final String DEFAULT_OWNER = "SECRETARIAT";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  private static boolean asCaller(VigilCommand root) {
    return root.token != null || root.user != null || System.getenv("VIGIL_TOKEN") != null;
  }

  private static AccessContext reader(VigilCommand root, Vigil vigil) {
    return root.caller(vigil);
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "Store texts from files and folders: .txt (first line is the title), .html/.htm,"
            + " .jsonl (title, text, published, source, url), .rss/.atom/.xml feeds.",
        "Person names are removed before anything is stored; a text already stored is skipped;"
            + " near-duplicates are grouped. All or nothing: any bad file stores nothing."
      })
  static final class Ingest implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--owner", paramLabel = "ORG", description = "Owning organisation.")
    String owner;

    @Option(
        names = "--classification",
        paramLabel = "C",
        description = "NATIONAL (default), RESTRICTED, SHARED or PUBLIC.")
    String classification = "NATIONAL";

    @Option(
        names = "--share-with",
        split = ",",
        paramLabel = "ORG",
        description = "With RESTRICTED: the organisations that may read the texts.")
    Set<String> shareWith = Set.of();

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      Classification c = Classification.parse(classification);
      try (Vigil vigil = root.openVigil()) {
        DemoReference.ensure(vigil);
        AccessContext ctx = asCaller(root) ? root.caller(vigil) : root.operator();
        String org =
            owner != null && !owner.isBlank()
                ? owner.trim().toUpperCase(Locale.ROOT)
                : asCaller(root) ? ctx.organisation() : DEFAULT_OWNER;
        Ownership o = new Ownership(org, c, shareWith);
        long t0 = System.nanoTime();
        TextService.IngestReport r;
        try (TextService texts = TextService.open(vigil)) {
          r = texts.ingestFiles(ctx, paths, o);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Table t =
            Table.of(
                "read", "stored", "near_duplicates", "already_stored", "signal_values", "seconds");
        t.row(
            r.read(),
            r.stored(),
            r.nearDuplicates(),
            r.alreadyStored(),
            r.signalValues(),
            fmt(secs));
        root.tableRenderer().print(t);
        if (r.signalValues() > 0) {
          // The counts derived from texts are series: the alert rules watch them as any other.
          int raised = new AlertService(vigil).evaluate(root.operator()).raised().size();
          root.err().println(raised + " new alert(s); list them with: vigil alerts list");
        }
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Full-text search (English and Russian analysers) over the texts you may read.")
  static final class Search implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Words (none: newest first).")
    String query = "";

    @Option(names = "--state", paramLabel = "ISO3")
    String state = "";

    @Option(names = "--domain", paramLabel = "DOMAIN")
    String domain = "";

    @Option(names = "--category", paramLabel = "PLOVER")
    String category = "";

    @Option(names = "--source", paramLabel = "NAME")
    String source = "";

    @Option(names = "--from", paramLabel = "DATE")
    String from;

    @Option(names = "--to", paramLabel = "DATE")
    String to;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      TextQuery q =
          new TextQuery(
              query,
              state.toUpperCase(Locale.ROOT),
              domain.isBlank() ? "" : ThreatDomain.parse(domain).name(),
              category.toUpperCase(Locale.ROOT),
              source,
              date("--from", from),
              date("--to", to));
      if (limit < 1 || limit > 500) {
        throw new InvalidInputException("--limit: expected 1 to 500, found " + limit);
      }
      try (Vigil vigil = root.openVigil();
          TextService texts = TextService.open(vigil)) {
        TextService.Found f = texts.search(reader(root, vigil), q, 0, limit);
        Renderer out = root.renderer();
        out.note(f.total() + " text(s) match; showing " + f.hits().size());
        Table t =
            Table.of(
                "id", "published", "language", "source", "states", "domains", "title", "snippet");
        for (TextService.Hit h : f.hits()) {
          var d = h.document().document();
          t.row(
              d.id(),
              d.published().toString(),
              d.language(),
              d.source(),
              String.join(",", d.areas()),
              String.join(",", d.domains().stream().map(Enum::name).sorted().toList()),
              d.title(),
              h.snippet()
                  .replace(SearchResult.MARK_START, '[')
                  .replace(SearchResult.MARK_END, ']'));
        }
        out.print(t);
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "One text and what was extracted from it (domains, states, dates, quantities,"
              + " programmes, events), each with its confidence and span.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() throws IOException {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil();
          TextService texts = TextService.open(vigil)) {
        TextDocument t =
            texts
                .show(reader(root, vigil), id)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "Document "
                                + id
                                + " does not exist or you may not read it; find ids with: vigil"
                                + " docs search"));
        JsonNode x = JSON.readTree(t.extractionJson());
        if ("json".equalsIgnoreCase(root.formatText)) {
          root.out()
              .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary(t, x)));
          return VigilCommand.OK;
        }
        Renderer out = root.renderer();
        var d = t.document();
        out.note(
            "#"
                + d.id()
                + " "
                + d.title()
                + " ("
                + d.source()
                + ", "
                + d.published()
                + ", "
                + d.language()
                + (t.analysed() ? "" : ", not analysed")
                + ", "
                + t.sources()
                + " source(s))");
        Table tab = Table.of("kind", "value", "confidence", "span", "text");
        for (JsonNode n : x.path("domains")) {
          for (JsonNode e : n.path("evidence")) {
            tab.row(
                "domain",
                n.path("domain").asText(),
                fmt(n.path("confidence").asDouble()),
                e.path("start").asInt() + "-" + e.path("end").asInt(),
                e.path("surface").asText());
          }
        }
        for (JsonNode n : x.path("places")) {
          tab.row(
              "place",
              n.path("place").path("iso3").asText() + " " + n.path("place").path("kind").asText(),
              fmt(n.path("confidence").asDouble()),
              span(n),
              n.path("surface").asText());
        }
        for (JsonNode n : x.path("dates")) {
          tab.row(
              "date",
              n.path("date").asText(),
              fmt(n.path("confidence").asDouble()),
              span(n),
              n.path("surface").asText());
        }
        for (JsonNode n : x.path("quantities")) {
          tab.row(
              "quantity",
              n.path("value").asText() + " " + n.path("unit").asText(),
              fmt(n.path("confidence").asDouble()),
              span(n),
              n.path("surface").asText());
        }
        for (JsonNode n : x.path("programmes")) {
          tab.row(
              "programme",
              n.path("code").asText(),
              fmt(n.path("confidence").asDouble()),
              span(n),
              n.path("surface").asText());
        }
        for (JsonNode n : x.path("events")) {
          tab.row(
              "event",
              n.path("category").asText()
                  + " "
                  + n.path("mode").asText()
                  + " "
                  + n.path("sourceCountries")
                  + "->"
                  + n.path("targetCountries"),
              fmt(n.path("confidence").asDouble()),
              span(n),
              n.path("trigger").asText());
        }
        out.print(tab);
      }
      return VigilCommand.OK;
    }

    private static String span(JsonNode n) {
      return n.path("start").asInt() + "-" + n.path("end").asInt();
    }
  }

  /** The JSON summary of `docs show --format json`: ids, codes and the full extraction. */
  static ObjectNode summary(TextDocument t, JsonNode x) {
    var d = t.document();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", d.id());
    o.put("title", d.title());
    o.put("source", d.source());
    o.put("url", d.url());
    o.put("published", d.published().toString());
    o.put("language", d.language());
    o.put("analysed", t.analysed());
    o.put("sources", t.sources());
    ArrayNode dom = o.putArray("domains");
    x.path("domains").forEach(n -> dom.add(n.path("domain").asText()));
    ArrayNode st = o.putArray("states");
    d.areas().stream().sorted().forEach(st::add);
    ArrayNode pr = o.putArray("programmes");
    x.path("programmes").forEach(n -> pr.add(n.path("code").asText()));
    o.set("events", x.path("events"));
    o.set("extraction", x);
    return o;
  }

  @Command(
      name = "signals",
      mixinStandardHelpOptions = true,
      description = {
        "How many texts you may read were published per day, week or month, with the search's"
            + " filters.",
        "The monthly counts per domain and state are also stored as series TEXT_DOCS_<DOMAIN>"
            + " and TEXT_EVENTS_<DOMAIN>_<CATEGORY> (see: vigil indicators), which the trends,"
            + " anomalies and alert rules watch."
      })
  static final class Signals implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Words (none: every text).")
    String query = "";

    @Option(names = "--by", paramLabel = "PERIOD", description = "day, week or month (default).")
    String by = "month";

    @Option(names = "--state", paramLabel = "ISO3")
    String state = "";

    @Option(names = "--domain", paramLabel = "DOMAIN")
    String domain = "";

    @Option(names = "--category", paramLabel = "PLOVER")
    String category = "";

    @Option(names = "--from", paramLabel = "DATE")
    String from;

    @Option(names = "--to", paramLabel = "DATE")
    String to;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      Timeline period = Timeline.parse(by);
      TextQuery q =
          new TextQuery(
              query,
              state.toUpperCase(Locale.ROOT),
              domain.isBlank() ? "" : ThreatDomain.parse(domain).name(),
              category.toUpperCase(Locale.ROOT),
              "",
              date("--from", from),
              date("--to", to));
      try (Vigil vigil = root.openVigil();
          TextService texts = TextService.open(vigil)) {
        Map<String, Integer> counts = texts.timeline(reader(root, vigil), q, period);
        Table t = Table.of(period.name().toLowerCase(Locale.ROOT), "texts");
        counts.forEach((k, n) -> t.row(k, n));
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description = "Rebuild the search index from the store (local operator).")
  static final class Reindex implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil();
          TextService texts = TextService.open(vigil)) {
        int n = texts.reindex(AccessContext.system());
        root.out().println("Search index rebuilt: " + n + " text(s)");
      }
      return VigilCommand.OK;
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Retrain the threat-domain classifier from labelled texts (local operator) and keep it for"
            + " later ingests; prints its cross-validated scores beside the lexicon alone.",
        "FILE is CSV with the header 'text,domains'; domains separated by ';' (e.g."
            + " DRUG_TRAFFICKING;ORGANISED_CRIME), fields with commas or quotes in double quotes."
      })
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Labelled texts (CSV).")
    Path file;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds.")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed that draws the folds.")
    long seed;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      List<DomainClassifier.Labelled> labelled = read(file);
      try (Vigil vigil = root.openVigil()) {
        Path model =
            TextService.domainModelFile(vigil)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "docs train: the database is in memory, so there is nowhere to keep"
                                + " the model; use a file database (--db) or set"
                                + " VIGIL_TEXT_MODEL"));
        TextService.TrainReport r;
        try (TextService texts = TextService.open(vigil)) {
          r = texts.trainDomains(AccessContext.system(), labelled, folds, seed, model);
        }
        DomainTraining.Scores s = r.scores();
        root.renderer()
            .note(
                s.texts()
                    + " labelled text(s), "
                    + s.folds()
                    + "-fold cross-validation (seed "
                    + seed
                    + ")");
        Table t = Table.of("measure", "retrained", "lexicon only");
        t.row("exact match (all domains right)", fmt3(s.exactMatch()), fmt3(s.lexiconExactMatch()));
        t.row("micro F1 of domains", fmt3(s.microF1()), fmt3(s.lexiconMicroF1()));
        root.renderer().print(t);
        root.err().println("Model trained on all " + s.texts() + " text(s) kept in " + r.file());
      }
      return VigilCommand.OK;
    }

    private static List<DomainClassifier.Labelled> read(Path file) {
      try (java.io.Reader in =
          java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
        return DomainTraining.parseCsv(in, file.toString());
      } catch (java.nio.file.NoSuchFileException e) {
        throw new InvalidInputException(
            "docs train: " + file + " not found: give a CSV file of labelled texts");
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new InvalidInputException("docs train: " + file + " is not UTF-8 text");
      } catch (IOException e) {
        throw new InvalidInputException("docs train: cannot read " + file + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(e.getMessage());
      }
    }

    private static String fmt3(double v) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
  }

  static LocalDate date(String option, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          option + ": expected a date such as 2025-03-01, found '" + text + "'");
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
