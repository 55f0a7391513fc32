package org.vigil.text.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.vigil.model.text.ReadGrant;

/**
 * The full-text index of stored texts (Lucene 9.12). English texts are analysed with Lucene's
 * English analyser, Russian texts with its Russian analyser (so "Таджикистан", "в Таджикистане" and
 * "Таджикистана" match), other languages with the standard analyser. A query is analysed with all
 * three and must match all its words in one of them; filters (state, domain, category, source,
 * dates) and the read rule are filter clauses. The index can always be rebuilt from the store.
 * Thread-safe; one process at a time may hold an index directory.
 */
public final class DocumentIndex implements AutoCloseable {
  private static final String[] LANGS = {"en", "ru", "xx"};
  private static final List<String> FACETS = List.of("domain", "state", "category", "language");
  private final Directory dir;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private DocumentIndex(Directory dir) throws IOException {
    this.dir = dir;
    Map<String, Analyzer> per = new HashMap<>();
    Analyzer en = new EnglishAnalyzer();
    Analyzer ru = russian();
    per.put("title_en", en);
    per.put("body_en", en);
    per.put("title_ru", ru);
    per.put("body_ru", ru);
    this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), per);
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    cfg.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(dir, cfg);
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Lucene's Russian components with the light stemmer: the Snowball stemmer of RussianAnalyzer
   * cuts "Таджикистан" to "таджикиста" but "в Таджикистане" to "таджикистан", so the nominative
   * missed its own inflected forms; the light stemmer maps all cases of such names to one stem.
   */
  static Analyzer russian() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer src = new StandardTokenizer();
        TokenStream r = new LowerCaseFilter(src);
        r = new StopFilter(r, RussianAnalyzer.getDefaultStopSet());
        r = new RussianLightStemFilter(r);
        return new TokenStreamComponents(src, r);
      }
    };
  }

  /**
   * Opens (or creates) the index in a directory.
   *
   * @throws IndexInUseException when another process (a running server) holds it
   */
  public static DocumentIndex open(Path directory) {
    try {
      return new DocumentIndex(FSDirectory.open(directory));
    } catch (LockObtainFailedException e) {
      throw new IndexInUseException(
          "The search index at "
              + directory
              + " is in use by another Vigil process (a running server?): one process at a time"
              + " may hold it. Stop that process or use the server's API (/api/texts), then try"
              + " again",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + directory, e);
    }
  }

  /** An index in memory (tests, in-memory databases). */
  public static DocumentIndex inMemory() {
    try {
      return new DocumentIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds (or replaces) texts and makes them searchable. */
  public void add(Collection<IndexedText> texts) {
    try {
      for (IndexedText t : texts) {
        writer.updateDocument(new Term("id", Long.toString(t.id())), document(t));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the search index", e);
    }
  }

  /** Removes everything (before a rebuild). */
  public void clear() {
    try {
      writer.deleteAll();
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the search index", e);
    }
  }

  /** How many texts the index holds. */
  public int size() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lang(String code) {
    return "en".equals(code) || "ru".equals(code) ? code : "xx";
  }

  private static Document document(IndexedText t) {
    Document d = new Document();
    String l = lang(t.language());
    d.add(new StringField("id", Long.toString(t.id()), Field.Store.YES));
    d.add(new TextField("title_" + l, t.title(), Field.Store.NO));
    d.add(new TextField("body_" + l, t.text(), Field.Store.YES));
    d.add(new LongPoint("published", t.published().toEpochDay()));
    d.add(
        new org.apache.lucene.document.SortedNumericDocValuesField(
            "published", t.published().toEpochDay()));
    keyword(d, "source", List.of(t.source()), false);
    keyword(d, "owner", List.of(t.owner()), false);
    keyword(d, "class", List.of(t.classification()), false);
    keyword(d, "shared", t.sharedWith(), false);
    keyword(d, "domain", t.domains(), true);
    keyword(d, "state", t.states(), true);
    keyword(d, "category", t.categories(), true);
    keyword(d, "language", List.of(t.language()), true);
    return d;
  }

  private static void keyword(Document d, String field, Collection<String> values, boolean facet) {
    for (String v : values) {
      d.add(new StringField(field, v, Field.Store.NO));
      if (facet) {
        d.add(new SortedSetDocValuesField("f_" + field, new BytesRef(v)));
      }
    }
  }

  /** The words of the query, analysed per language, as one query (null when there are none). */
  Query words(String text) {
    if (text.isBlank()) {
      return null;
    }
    QueryBuilder qb = new QueryBuilder(analyzer);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    for (String l : LANGS) {
      Query body = qb.createBooleanQuery("body_" + l, text, Occur.MUST);
      Query title = qb.createBooleanQuery("title_" + l, text, Occur.MUST);
      if (body != null) {
        any.add(body, Occur.SHOULD);
        some = true;
      }
      if (title != null) {
        any.add(new BoostQuery(title, 2f), Occur.SHOULD);
        some = true;
      }
    }
    return some ? any.build() : null;
  }

  private static Query access(Access a) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term("owner", a.organisation())), Occur.SHOULD);
    b.add(new TermQuery(new Term("class", "PUBLIC")), Occur.SHOULD);
    if (a.member()) {
      b.add(new TermQuery(new Term("class", "SHARED")), Occur.SHOULD);
      b.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("class", "RESTRICTED")), Occur.FILTER)
              .add(new TermQuery(new Term("shared", a.organisation())), Occur.FILTER)
              .build(),
          Occur.SHOULD);
    }
    for (ReadGrant g : a.grants()) {
      b.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("owner", g.grantor())), Occur.FILTER)
              .add(new TermQuery(new Term("class", g.classification())), Occur.FILTER)
              .add(new TermQuery(new Term("domain", g.domain())), Occur.FILTER)
              .build(),
          Occur.SHOULD);
    }
    return b.build();
  }

  /** The full query: words (scored) and filters. */
  Query query(TextQuery q, Access a) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query words = words(q.text());
    b.add(words == null ? new MatchAllDocsQuery() : words, Occur.MUST);
    filter(b, "state", q.state());
    filter(b, "domain", q.domain());
    filter(b, "category", q.category());
    filter(b, "source", q.source());
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
      b.add(LongPoint.newRangeQuery("published", from, to), Occur.FILTER);
    }
    if (!a.everything()) {
      b.add(access(a), Occur.FILTER);
    }
    return b.build();
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (!value.isEmpty()) {
      b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /**
   * Searches: the hits of one page (ranked by relevance, or newest first without words), snippets
   * with the matched words between {@link SearchResult#MARK_START} and {@link
   * SearchResult#MARK_END}, and facet counts over every match.
   */
  public SearchResult search(TextQuery q, Access a, int offset, int limit) {
    Query query = query(q, a);
    try {
      IndexSearcher s = searchers.acquire();
      try {
        int n = Math.max(1, offset + limit);
        TopDocs top =
            q.text().isBlank()
                ? s.search(
                    query,
                    n,
                    new Sort(
                        new SortedNumericSortField("published", SortField.Type.LONG, true),
                        SortField.FIELD_DOC))
                : s.search(query, n);
        long total = s.count(query);
        ScoreDoc[] page =
            java.util.Arrays.copyOfRange(
                top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
        TopDocs pageDocs = new TopDocs(top.totalHits, page);
        String[] fields = {"body_en", "body_ru", "body_xx"};
        Map<String, String[]> snippets = Map.of();
        if (page.length > 0) {
          UnifiedHighlighter hl =
              UnifiedHighlighter.builder(s, analyzer)
                  .withFormatter(
                      new DefaultPassageFormatter(
                          String.valueOf(SearchResult.MARK_START),
                          String.valueOf(SearchResult.MARK_END),
                          " … ",
                          false))
                  .withMaxLength(100_000)
                  .build();
          Query hq = words(q.text()) == null ? new MatchAllDocsQuery() : words(q.text());
          snippets = hl.highlightFields(fields, hq, pageDocs, new int[] {2, 2, 2});
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        var stored = s.storedFields();
        for (int i = 0; i < page.length; i++) {
          Document d = stored.document(page[i].doc);
          String snippet = "";
          for (String f : fields) {
            String[] x = snippets.get(f);
            if (x != null && x[i] != null && !x[i].isEmpty()) {
              snippet = x[i];
              break;
            }
          }
          if (snippet.isEmpty()) {
            for (String f : fields) {
              String body = d.get(f);
              if (body != null) {
                snippet = body.length() > 240 ? body.substring(0, 240) + " …" : body;
                break;
              }
            }
          }
          hits.add(
              new SearchResult.Hit(Long.parseLong(d.get("id")), page[i].score, snippet.strip()));
        }
        return new SearchResult(total, hits, s.search(query, new FacetManager()));
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the index", e);
    }
  }

  /**
   * How many matching texts were published per day, ISO week or month (texts without a published
   * date are left out), in time order.
   */
  public Map<String, Integer> timeline(TextQuery q, Access a, Timeline by) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.search(query(q, a), by.manager());
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the index", e);
    }
  }

  /**
   * The reference for benchmarks: one plain term query on the bodies, no filters, snippets or
   * facets.
   */
  public long plain(String word, int limit) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String l : LANGS) {
          b.add(new TermQuery(new Term("body_" + l, word)), Occur.SHOULD);
        }
        return s.search(b.build(), limit).scoreDocs.length;
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Facet counts from doc values over every match. */
  private static final class FacetManager
      implements CollectorManager<FacetCollector, Map<String, Map<String, Integer>>> {
    @Override
    public FacetCollector newCollector() {
      return new FacetCollector();
    }

    @Override
    public Map<String, Map<String, Integer>> reduce(Collection<FacetCollector> collectors) {
      Map<String, Map<String, Integer>> out = new TreeMap<>();
      for (String f : FACETS) {
        out.put(f, new TreeMap<>());
      }
      for (FacetCollector c : collectors) {
        c.counts.forEach((f, m) -> m.forEach((v, n) -> out.get(f).merge(v, n, Integer::sum)));
      }
      return out;
    }
  }

  private static final class FacetCollector extends SimpleCollector {
    final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final SortedSetDocValues[] values = new SortedSetDocValues[FACETS.size()];

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      for (int i = 0; i < FACETS.size(); i++) {
        values[i] = context.reader().getSortedSetDocValues("f_" + FACETS.get(i));
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < FACETS.size(); i++) {
        SortedSetDocValues v = values[i];
        if (v != null && v.advanceExact(doc)) {
          Map<String, Integer> m = counts.computeIfAbsent(FACETS.get(i), k -> new HashMap<>());
          for (int k = 0; k < v.docValueCount(); k++) {
            m.merge(v.lookupOrd(v.nextOrd()).utf8ToString(), 1, Integer::sum);
          }
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
