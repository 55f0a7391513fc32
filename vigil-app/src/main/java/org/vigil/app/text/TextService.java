package org.vigil.app.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.app.Vigil;
import org.vigil.app.programme.ProgrammeService;
import org.vigil.app.programme.ProgrammeSummary;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditRepository;
import org.vigil.model.Document;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.text.DocumentAlias;
import org.vigil.model.text.DocumentRepository;
import org.vigil.model.text.Fingerprint;
import org.vigil.model.text.TextDocument;
import org.vigil.store.JdbcDocumentRepository;
import org.vigil.text.DomainClassifier;
import org.vigil.text.DomainTraining;
import org.vigil.text.Extraction;
import org.vigil.text.TextEngine;
import org.vigil.text.search.Access;
import org.vigil.text.search.DocumentIndex;
import org.vigil.text.search.IndexedText;
import org.vigil.text.search.SearchResult;
import org.vigil.text.search.TextQuery;
import org.vigil.text.search.Timeline;
import org.vigil.text.source.RawText;
import org.vigil.text.source.TextSources;

/**
 * Texts in, searchable and coded (issue 11): reads files, removes person names, analyses each text
 * ({@link TextEngine}), groups near-duplicates (SimHash, at most {@value #NEAR} differing bits of
 * 64) and never stores a text twice, stores everything of one call in one transaction (all or
 * nothing), then indexes it. Searches go to the Lucene index with the caller's read rule and every
 * hit is read back through the store, which checks access again and audits the read. Thread-safe.
 */
public final class TextService implements AutoCloseable {
  static final int NEAR = 3;
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private final DocumentRepository repo;
  private final DocumentIndex index;
  private final Optional<TextSignals> signals;
  private final Optional<AuditRepository> audit;
  // Replaced by trainDomains, so that later ingests through this service use the retrained model.
  private volatile TextEngine engine;

  /** A service without derived signals (benchmarks, tests of the search alone). */
  public TextService(DocumentRepository repo, DocumentIndex index, TextEngine engine) {
    this(repo, index, engine, Optional.empty(), Optional.empty());
  }

  /**
   * A service that recounts the signals of the owners of newly stored texts after every ingest and
   * records every retraining of the domain classifier in the audit log.
   */
  public TextService(
      DocumentRepository repo,
      DocumentIndex index,
      TextEngine engine,
      Optional<TextSignals> signals,
      Optional<AuditRepository> audit) {
    this.repo = repo;
    this.index = index;
    this.engine = engine;
    this.signals = signals;
    this.audit = audit;
    if (index.size() == 0) {
      reindex(AccessContext.system());
    }
  }

  /**
   * Opens the service on a Vigil: the index lives beside the store (VIGIL_TEXT_INDEX, else next to
   * the H2 file as {@code <file>-text-index}, else ./data/text-index; in memory for in-memory H2).
   */
  public static TextService open(Vigil vigil) {
    String url = vigil.config().dbUrl();
    String env = System.getenv("VIGIL_TEXT_INDEX");
    DocumentIndex index;
    if (env != null && !env.isBlank()) {
      index = DocumentIndex.open(Path.of(env));
    } else if (url.startsWith("jdbc:h2:mem:")) {
      index = DocumentIndex.inMemory();
    } else if (url.startsWith("jdbc:h2:file:")) {
      index = DocumentIndex.open(Path.of(h2File(url) + "-text-index"));
    } else {
      index = DocumentIndex.open(Path.of("data", "text-index"));
    }
    try {
      DocumentRepository repo = JdbcDocumentRepository.open(vigil.dataSource(), vigil.clock());
      TextEngine engine = TextEngine.standard().withProgrammes(programmeTitles(vigil));
      Optional<Path> model = domainModelFile(vigil);
      if (model.isPresent() && Files.exists(model.get())) {
        engine = engine.withDomains(readModel(engine, model.get()));
      }
      return new TextService(
          repo,
          index,
          engine,
          Optional.of(new TextSignals(vigil, repo)),
          Optional.of(vigil.audit()));
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Codes and English and Russian titles of the programmes in the registry, so that mentions of
   * them in texts are linked to their codes.
   */
  private static Map<String, List<String>> programmeTitles(Vigil vigil) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ProgrammeSummary p : new ProgrammeService(vigil).list(AccessContext.system())) {
      List<String> titles = new ArrayList<>();
      for (String title : new String[] {p.titleEn(), p.titleRu()}) {
        if (title != null && !title.isBlank()) {
          titles.add(title);
        }
      }
      out.put(p.code(), titles);
    }
    return out;
  }

  private static String h2File(String url) {
    String file = url.substring("jdbc:h2:file:".length());
    int semi = file.indexOf(';');
    return semi < 0 ? file : file.substring(0, semi);
  }

  /**
   * Where the retrained domain classifier is kept: VIGIL_TEXT_MODEL, else next to the H2 file as
   * {@code <file>-domain-model.json}, else ./data/domain-model.json; none for in-memory H2.
   */
  public static Optional<Path> domainModelFile(Vigil vigil) {
    String env = System.getenv("VIGIL_TEXT_MODEL");
    String url = vigil.config().dbUrl();
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    } else if (url.startsWith("jdbc:h2:mem:")) {
      return Optional.empty();
    } else if (url.startsWith("jdbc:h2:file:")) {
      return Optional.of(Path.of(h2File(url) + "-domain-model.json"));
    }
    return Optional.of(Path.of("data", "domain-model.json"));
  }

  private static DomainClassifier readModel(TextEngine engine, Path file) {
    try {
      return DomainTraining.read(engine.domains(), file);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot read the domain model "
              + file
              + " ("
              + e.getMessage()
              + "): retrain it with `vigil docs train FILE` or delete it to use the lexicon alone",
          e);
    }
  }

  /**
   * What retraining did.
   *
   * @param scores cross-validated scores of the retrained classifier beside the lexicon alone
   * @param file where the model trained on every text is kept
   */
  public record TrainReport(DomainTraining.Scores scores, Path file) {}

  /**
   * Whether ctx may retrain the domain classifier: the local operator and system administrators.
   *
   * @throws AccessDeniedException for anyone else
   */
  public static void checkMayTrain(AccessContext ctx) {
    if (!ctx.isSystem() && ctx.role() != Role.SYSTEM_ADMIN) {
      throw new AccessDeniedException(
          ctx.user()
              + " may not retrain the domain classifier: it needs the SYSTEM_ADMIN role or the"
              + " local operator; you are "
              + ctx.role());
    }
  }

  /**
   * Retrains the threat-domain classifier on labelled texts (local operator or a system
   * administrator): scores it by k-fold cross-validation, trains it on all texts and keeps it in
   * {@code file}, where later services read it; later ingests through this service use it at once.
   * Texts already stored keep their domains until they are ingested again. Audited as {@code
   * texts.train} with the counts and scores. Nothing is written when the texts are unusable.
   */
  public synchronized TrainReport trainDomains(
      AccessContext ctx, List<DomainClassifier.Labelled> texts, int folds, long seed, Path file) {
    checkMayTrain(ctx);
    DomainClassifier lexicon = TextEngine.standard().domains();
    DomainTraining.Scores scores;
    DomainClassifier trained;
    try {
      scores = DomainTraining.crossValidate(lexicon, texts, folds, seed);
      trained = lexicon.train(texts);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    try {
      DomainTraining.write(trained, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the domain model " + file, e);
    }
    engine = engine.withDomains(trained);
    audit.ifPresent(a -> a.record(ctx, "texts.train", "domain-model", describe(scores, seed)));
    return new TrainReport(scores, file);
  }

  private static String describe(DomainTraining.Scores s, long seed) {
    return String.format(
        Locale.ROOT,
        "%d text(s), %d folds, seed %d; exact match %.3f (lexicon %.3f), micro F1 %.3f (lexicon"
            + " %.3f)",
        s.texts(),
        s.folds(),
        seed,
        s.exactMatch(),
        s.lexiconExactMatch(),
        s.microF1(),
        s.lexiconMicroF1());
  }

  /**
   * What one ingest did.
   *
   * @param signalValues values of the derived series ({@link TextSignals}) that changed
   */
  public record IngestReport(
      int read,
      int stored,
      int nearDuplicates,
      int alreadyStored,
      List<TextDocument> documents,
      int signalValues) {}

  /**
   * Reads the files and folders, then stores their texts (see {@link #ingest(AccessContext, List,
   * Ownership)}).
   */
  public IngestReport ingestFiles(AccessContext ctx, List<Path> paths, Ownership ownership) {
    checkWrite(ctx, ownership);
    return ingest(ctx, TextSources.read(paths), ownership);
  }

  private static void checkWrite(AccessContext ctx, Ownership ownership) {
    if (!ctx.canWrite(ownership)) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not store texts owned by "
              + ownership.owner()
              + ": expected a data steward or admin of "
              + ownership.owner());
    }
  }

  /**
   * Stores texts owned as given: names removed, analysed, exact repeats skipped, near-duplicates
   * grouped with the first; one transaction, then the index.
   */
  public IngestReport ingest(AccessContext ctx, List<RawText> raws, Ownership ownership) {
    checkWrite(ctx, ownership);
    List<Analysed> analysed = raws.parallelStream().map(r -> analyse(r, ownership)).toList();
    Map<String, Long> known = new HashMap<>();
    List<Fingerprint> prints = new ArrayList<>(repo.fingerprints(ctx, ownership.owner()));
    prints.forEach(f -> known.put(f.contentHash(), f.documentId()));
    List<TextDocument> drafts = new ArrayList<>();
    List<DocumentAlias> aliases = new ArrayList<>();
    Map<String, Integer> draftByHash = new HashMap<>();
    List<long[]> draftPrints = new ArrayList<>();
    int already = 0;
    for (Analysed a : analysed) {
      TextDocument t = a.doc();
      if (known.containsKey(t.contentHash()) || draftByHash.containsKey(t.contentHash())) {
        already++;
        continue;
      }
      long near = 0;
      int nearDraft = -1;
      for (Fingerprint f : prints) {
        if (f.simhash() != 0 && Long.bitCount(f.simhash() ^ t.simhash()) <= NEAR) {
          near = f.documentId();
          break;
        }
      }
      if (near == 0) {
        for (int i = 0; i < draftPrints.size(); i++) {
          if (Long.bitCount(draftPrints.get(i)[0] ^ t.simhash()) <= NEAR) {
            nearDraft = i;
            break;
          }
        }
      }
      Document d = t.document();
      if (near != 0 || nearDraft >= 0) {
        aliases.add(
            new DocumentAlias(
                near, Math.max(0, nearDraft), d.source(), d.url(), d.published(), t.contentHash()));
        draftByHash.put(t.contentHash(), -1);
        continue;
      }
      draftByHash.put(t.contentHash(), drafts.size());
      drafts.add(t);
      draftPrints.add(new long[] {t.simhash()});
    }
    List<TextDocument> stored = repo.store(ctx, drafts, aliases);
    index.add(stored.stream().map(TextService::indexed).toList());
    int changed = 0;
    if (!stored.isEmpty() && signals.isPresent()) {
      changed = signals.get().recompute(Set.of(ownership.owner())).stored();
    }
    return new IngestReport(raws.size(), stored.size(), aliases.size(), already, stored, changed);
  }

  private record Analysed(TextDocument doc) {}

  private Analysed analyse(RawText r, Ownership ownership) {
    LocalDate published = r.published() == null ? LocalDate.of(1970, 1, 1) : r.published();
    Extraction x = engine.analyse(r.text(), published);
    String title = engine.redact(r.title());
    Set<String> categories = new TreeSet<>();
    x.events().forEach(e -> categories.add(e.category()));
    String json;
    try {
      json = JSON.writeValueAsString(x);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the extraction of " + r.origin(), e);
    }
    Document d =
        new Document(
            0,
            clip(r.source(), 500),
            clip(r.url(), 2000),
            x.language().code(),
            published,
            clip(title, 1000),
            x.text(),
            Set.copyOf(x.domainList()),
            x.states(),
            ownership);
    return new Analysed(
        new TextDocument(
            d, hash(x.text()), simhash(x.text()), x.language().analysed(), categories, json, 1));
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  /** SHA-256 of the text with case and spacing normalised. */
  static String hash(String text) {
    String norm = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 64-bit SimHash over word 3-shingles (FNV-1a 64 per shingle); never 0. */
  static long simhash(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+");
    List<String> words = new ArrayList<>();
    for (String s : w) {
      if (!s.isEmpty()) {
        words.add(s);
      }
    }
    int[] v = new int[64];
    int n = Math.max(1, words.size() - 2);
    for (int i = 0; i < n; i++) {
      String sh = String.join(" ", words.subList(i, Math.min(words.size(), i + 3)));
      long h = 0xcbf29ce484222325L;
      for (byte b : sh.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      for (int k = 0; k < 64; k++) {
        v[k] += ((h >>> k) & 1) == 1 ? 1 : -1;
      }
    }
    long out = 0;
    for (int k = 0; k < 64; k++) {
      if (v[k] > 0) {
        out |= 1L << k;
      }
    }
    return out == 0 ? 1 : out;
  }

  static IndexedText indexed(TextDocument t) {
    Document d = t.document();
    return new IndexedText(
        t.id(),
        d.language(),
        d.title(),
        d.text(),
        d.published(),
        d.source(),
        d.domains().stream().map(Enum::name).collect(Collectors.toSet()),
        d.areas(),
        t.categories(),
        d.ownership().owner(),
        d.ownership().classification().name(),
        d.ownership().sharedWith());
  }

  /** One search hit: the stored text (readable by the caller), score and highlighted snippet. */
  public record Hit(TextDocument document, float score, String snippet) {}

  /** A page of hits, the total and facet counts. */
  public record Found(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {}

  /** Searches what the caller may read; each hit is read back through the store (audited). */
  public Found search(AccessContext ctx, TextQuery q, int offset, int limit) {
    SearchResult r = index.search(q, Access.of(ctx, repo.grants(ctx)), offset, limit);
    List<TextDocument> docs = repo.byIds(ctx, r.hits().stream().map(SearchResult.Hit::id).toList());
    Map<Long, TextDocument> byId = new LinkedHashMap<>();
    docs.forEach(d -> byId.put(d.id(), d));
    List<Hit> hits = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      TextDocument d = byId.get(h.id());
      if (d != null) {
        hits.add(new Hit(d, h.score(), h.snippet()));
      }
    }
    return new Found(r.total(), hits, r.facets());
  }

  /**
   * Daily, weekly or monthly counts of the texts the caller may read that match the query (the
   * stored monthly series of {@link TextSignals} are the ones the analytics watch).
   */
  public Map<String, Integer> timeline(AccessContext ctx, TextQuery q, Timeline by) {
    return index.timeline(q, Access.of(ctx, repo.grants(ctx)), by);
  }

  /** One text with its extraction, when the caller may read it (audited). */
  public Optional<TextDocument> show(AccessContext ctx, long id) {
    return repo.find(ctx, id);
  }

  /** Rebuilds the index from the store; returns how many texts it holds. */
  public int reindex(AccessContext ctx) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user() + " may not rebuild the search index: it is done by the local operator.");
    }
    index.clear();
    List<IndexedText> batch = new ArrayList<>();
    repo.forEach(
        AccessContext.system(),
        t -> {
          batch.add(indexed(t));
          if (batch.size() >= 1000) {
            index.add(batch);
            batch.clear();
          }
        });
    index.add(batch);
    return index.size();
  }

  /**
   * Recounts every owner's derived signals (after `docs reindex` or an upgrade); empty without
   * signals.
   */
  public Optional<TextSignals.Result> recomputeSignals(AccessContext ctx) {
    if (!ctx.isSystem()) {
      throw new AccessDeniedException(
          ctx.user() + " may not recount the text signals: it is done by the local operator.");
    }
    if (signals.isEmpty()) {
      return Optional.empty();
    }
    Set<String> owners = new TreeSet<>();
    repo.forEach(AccessContext.system(), t -> owners.add(t.document().ownership().owner()));
    return Optional.of(signals.get().recompute(owners));
  }

  /** The underlying index (benchmarks compare with a plain query on it). */
  public DocumentIndex index() {
    return index;
  }

  @Override
  public void close() {
    index.close();
  }
}
