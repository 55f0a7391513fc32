package org.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.app.Vigil;
import org.vigil.app.text.TextService;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.ThreatDomain;
import org.vigil.model.text.TextDocument;
import org.vigil.text.DomainClassifier;
import org.vigil.text.DomainTraining;
import org.vigil.text.search.TextQuery;
import org.vigil.text.source.RawText;
import org.vigil.text.source.TextSources;

/**
 * Open-source texts (issue 11): ingest (JSON body of named files), full-text search with filters,
 * snippets and facets, one text with its extraction, and retraining of the domain classifier
 * (system administrators; later ingests use the new model). The store checks access on every read
 * and audits reads of NATIONAL/RESTRICTED texts; the index is opened on first use.
 */
final class TextRoutes implements RouteGroup {
  private final Vigil vigil;
  private TextService texts;

  TextRoutes(Vigil vigil) {
    this.vigil = vigil;
  }

  private synchronized TextService texts() {
    if (texts == null) {
      texts = TextService.open(vigil);
    }
    return texts;
  }

  /** Closes the index, which frees its directory lock for the next process. */
  @Override
  public synchronized void close() {
    if (texts != null) {
      texts.close();
      texts = null;
    }
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/texts", this::search);
    routes.post("/api/texts", this::ingest);
    routes.post("/api/texts/train", this::train);
    routes.get("/api/texts/{id}", this::show);
  }

  private void search(Context ctx) {
    String q = Params.optional(ctx, "q").orElse("");
    if (q.length() > 200) {
      throw new BadRequestException(
          "Query parameter 'q' must have at most 200 characters, found " + q.length());
    }
    String domain =
        Params.optional(ctx, "domain")
            .map(d -> ReferenceRoutes.enumParam(ThreatDomain.class, "domain", d).name())
            .orElse("");
    LocalDate from = Params.date(ctx, "from").orElse(null);
    LocalDate to = Params.date(ctx, "to").orElse(null);
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadRequestException(
          "Query parameter 'to' (" + to + ") must not be before 'from' (" + from + ")");
    }
    int limit = Params.intParam(ctx, "limit", 20, 1, 100);
    int offset = Params.intParam(ctx, "offset", 0, 0, 10_000);
    TextQuery query =
        new TextQuery(
            q,
            Params.optional(ctx, "state").map(s -> s.toUpperCase(Locale.ROOT)).orElse(""),
            domain,
            Params.optional(ctx, "category").map(s -> s.toUpperCase(Locale.ROOT)).orElse(""),
            Params.optional(ctx, "source").orElse(""),
            from,
            to);
    TextService.Found f = texts().search(Caller.of(ctx), query, offset, limit);
    List<Map<String, Object>> items = new ArrayList<>();
    for (TextService.Hit h : f.hits()) {
      Map<String, Object> m = summary(h.document());
      m.put("score", h.score());
      m.put("snippet", h.snippet());
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", f.total());
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("items", items);
    out.put("facets", f.facets());
    ctx.json(out);
  }

  private static Map<String, Object> summary(TextDocument t) {
    Document d = t.document();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("title", d.title());
    Wire.source(m, d.source());
    m.put("url", d.url());
    m.put("language", d.language());
    m.put("analysed", t.analysed());
    m.put("published", d.published().toString());
    m.put("domains", d.domains().stream().map(Enum::name).sorted().toList());
    m.put("states", d.areas().stream().sorted().toList());
    m.put("categories", t.categories().stream().sorted().toList());
    m.put("sources", t.sources());
    m.put("owner", d.ownership().owner());
    m.put("classification", d.ownership().classification().name());
    return m;
  }

  private void show(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Path parameter 'id' must be a whole number, found '"
              + Params.clip(ctx.pathParam("id"))
              + "'");
    }
    AccessContext caller = Caller.of(ctx);
    TextDocument t =
        texts()
            .show(caller, id)
            .orElseThrow(
                () ->
                    new NotFoundException("Text " + id + " does not exist or you may not read it"));
    Map<String, Object> m = summary(t);
    m.put("text", t.document().text());
    JsonNode x;
    try {
      x = JsonMapping.MAPPER.readTree(t.extractionJson());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored extraction of text " + id + " is not JSON", e);
    }
    m.put("extraction", x);
    ctx.json(m);
  }

  private void ingest(Context ctx) {
    ObjectNode body = Bodies.object(ctx);
    Bodies.onlyFields(body, "files", "owner", "classification", "sharedWith");
    AccessContext caller = Caller.of(ctx);
    String owner =
        Bodies.optionalText(body, "owner")
            .map(o -> o.trim().toUpperCase(Locale.ROOT))
            .orElse(caller.organisation());
    Classification c =
        Bodies.optionalText(body, "classification")
            .map(Params::classification)
            .orElse(Classification.NATIONAL);
    Set<String> shared = new LinkedHashSet<>();
    JsonNode sw = body.get("sharedWith");
    if (sw != null && !sw.isNull()) {
      if (!sw.isArray()) {
        throw new BadRequestException("Field 'sharedWith' must be an array of organisation codes");
      }
      sw.forEach(n -> shared.add(n.asText().trim().toUpperCase(Locale.ROOT)));
    }
    JsonNode files = body.get("files");
    if (files == null || !files.isArray() || files.isEmpty()) {
      throw new InvalidInputException(
          "Field 'files': expected an array of {name, content} objects, found "
              + (files == null ? "none" : files.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    if (files.size() > 1000) {
      throw new InvalidInputException(
          "Field 'files': expected at most 1000 files, found " + files.size());
    }
    List<RawText> raws = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      JsonNode f = files.get(i);
      String name = f.path("name").asText("");
      String content = f.path("content").asText("");
      if (name.isBlank()) {
        throw new InvalidInputException(
            "Field 'files[" + i + "].name': expected a file name such as report.txt, found none");
      }
      raws.addAll(
          TextSources.parse(
              name,
              kind(name),
              content.getBytes(StandardCharsets.UTF_8),
              vigil.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
    }
    TextService.IngestReport r = texts().ingest(caller, raws, new Ownership(owner, c, shared));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("read", r.read());
    out.put("stored", r.stored());
    out.put("nearDuplicates", r.nearDuplicates());
    out.put("alreadyStored", r.alreadyStored());
    out.put("ids", r.documents().stream().map(TextDocument::id).toList());
    ctx.status(r.stored() > 0 ? 201 : 200).json(out);
  }

  /**
   * Retrains the domain classifier from a {@code text/csv} body ({@code text,domains}, as for
   * {@code vigil docs train}). The answer says the model was kept but not where: server paths are
   * not the caller's business.
   */
  private void train(Context ctx) {
    AccessContext caller = Caller.authenticated(ctx);
    TextService.checkMayTrain(caller);
    int folds = Params.intParam(ctx, "folds", 5, 2, 20);
    long seed = Params.longParam(ctx, "seed", 42);
    java.nio.file.Path file =
        TextService.domainModelFile(vigil)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "The database is in memory, so there is nowhere to keep the model; run the"
                            + " server on a file database (VIGIL_DB_URL) or set VIGIL_TEXT_MODEL"));
    List<DomainClassifier.Labelled> labelled = labelled(ctx);
    DomainTraining.Scores s = texts().trainDomains(caller, labelled, folds, seed, file).scores();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("texts", s.texts());
    out.put("folds", s.folds());
    out.put("seed", seed);
    out.put("exactMatch", s.exactMatch());
    out.put("microF1", s.microF1());
    out.put("lexiconExactMatch", s.lexiconExactMatch());
    out.put("lexiconMicroF1", s.lexiconMicroF1());
    out.put("kept", true);
    ctx.json(out);
  }

  private static List<DomainClassifier.Labelled> labelled(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (!type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      throw new BadRequestException(
          "Send the labelled texts as CSV with 'Content-Type: text/csv', found '"
              + Params.clip(type)
              + "'");
    }
    String csv;
    try {
      csv =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(ctx.bodyAsBytes()))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadRequestException("The request body is not UTF-8 text: send UTF-8 CSV");
    }
    try {
      return DomainTraining.parseCsv(new java.io.StringReader(csv), "request body");
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String kind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt") || n.endsWith(".text")) {
      return "text";
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return "html";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "jsonl";
    }
    if (n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".xml")) {
      return "feed";
    }
    throw new InvalidInputException(
        name
            + ": expected a .txt, .html, .htm, .jsonl, .rss, .atom or .xml name, found '"
            + name
            + "'");
  }
}
