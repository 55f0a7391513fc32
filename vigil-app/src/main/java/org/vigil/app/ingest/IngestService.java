package org.vigil.app.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.ingest.IngestFormat;
import org.vigil.ingest.Provenance;
import org.vigil.ingest.ReadResult;
import org.vigil.ingest.ReadSpec;
import org.vigil.ingest.ReferenceData;
import org.vigil.ingest.Rejection;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.AlreadyLoadedException;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.timeseries.Frequency;

/**
 * Loads one file as one batch: reads it with the format's reader (validating against the stored
 * reference data) while computing its SHA-256, then writes every observation in one transaction
 * through {@code ObservationRepository.append}. By default any rejected row means nothing is
 * written and an {@link InvalidInputException} names the first one (file, line, field, expected,
 * found); with keepGoodRows the good rows are stored and the result lists every rejection. A file
 * whose checksum was already stored for the same owner is not loaded again, and values equal to the
 * latest vintage are never stored twice. Thread-safe.
 */
public final class IngestService {
  private final Vigil vigil;

  public IngestService(Vigil vigil) {
    this.vigil = vigil;
  }

  /**
   * Ingests a file.
   *
   * @throws InvalidInputException for bad input (nothing is written) or a missing file
   * @throws org.vigil.model.AccessDeniedException when ctx may not write for the owner
   */
  public IngestResult ingest(
      AccessContext ctx, Path file, IngestRequest request, IngestProgress progress) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file + "; check the path");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
    }
    try (InputStream in = Files.newInputStream(file)) {
      return ingest(ctx, file.getFileName().toString(), in, size, request, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * Ingests a stream (an upload). {@code size} is its length in bytes for progress, or -1.
   *
   * @throws InvalidInputException for bad input (nothing is written)
   */
  public IngestResult ingest(
      AccessContext ctx,
      String fileName,
      InputStream content,
      long size,
      IngestRequest request,
      IngestProgress progress) {
    Ownership ownership =
        new Ownership(request.owner(), request.classification(), request.sharedWith());
    if (!ctx.canWrite(ownership)) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.organisation()
              + ", "
              + ctx.role()
              + ") may not load data owned by "
              + request.owner()
              + "; expected a data steward or admin of "
              + request.owner());
    }
    if (vigil.reference().organisation(ctx, request.owner()).isEmpty()) {
      throw new InvalidInputException(
          "Unknown owner organisation '"
              + request.owner()
              + "': expected an organisation id such as SECRETARIAT or RUS-SC (see the demo"
              + " README)");
    }
    ReferenceData reference =
        ReferenceData.of(vigil.reference().areas(ctx), vigil.reference().indicators(ctx));
    Optional<Indicator> created = newIndicator(request, reference);
    if (created.isPresent()) {
      reference = reference.withIndicator(created.get());
    }
    ReadSpec spec = readSpec(fileName, reference, ownership, request);
    MessageDigest sha = sha256();
    ReadResult read;
    try (InputStream in =
        new DigestInputStream(
            new Counting(new BufferedInputStream(content, 1 << 16), size, progress), sha)) {
      read = request.format().reader().read(in, spec);
      in.transferTo(OutputSink.INSTANCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + fileName, e);
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!request.keepGoodRows()) {
      read.requireClean();
    }
    created = declaredScale(request, read, reference, created);
    Provenance provenance = provenance(request, read);
    SortedMap<Instant, List<Observation>> vintages = vintages(read);
    if (vintages.size() > 1 || !vintages.containsKey(Instant.EPOCH)) {
      return ingestVintages(ctx, fileName, request, read, hex, vintages, provenance, progress);
    }
    boolean seen =
        vigil.observations().batches(ctx).stream()
            .anyMatch(b -> b.sha256().equals(hex) && b.organisation().equals(ctx.organisation()));
    if (seen) {
      return alreadyLoaded(ctx, fileName, request, read, hex);
    }
    progress.update("writing", 0, 1);
    // Refuse what may not be written before reading the owner's series (an audited read).
    vigil.observations().checkWrite(ctx, fileName, read.observations());
    List<Observation> fresh =
        new UnchangedValues(vigil, ctx, request).drop(read.observations(), Map.of());
    if (created.isPresent() && !read.observations().isEmpty()) {
      vigil.reference().saveIndicator(ctx, created.get());
    }
    IngestBatch batch =
        new IngestBatch(
            0,
            ctx.user(),
            ctx.organisation(),
            Instant.EPOCH,
            fileName,
            hex,
            request.format().id(),
            read.rowsRead(),
            0,
            rejectedRows(read),
            provenance.licence(),
            provenance.citation());
    IngestBatch stored;
    try {
      stored =
          vigil
              .observations()
              .append(ctx, batch, fresh, (done, total) -> progress.update("storing", done, total));
    } catch (AlreadyLoadedException e) {
      // A simultaneous upload of the same file claimed it first (the store's unique key).
      return alreadyLoaded(ctx, fileName, request, read, hex);
    }
    progress.update("writing", 1, 1);
    return new IngestResult(
        stored,
        read,
        hex,
        false,
        read.observations().isEmpty() ? Optional.empty() : created,
        read.observations().size() - stored.rowsAdded());
  }

  /** The request's licence and citation (a pull), else those the file's header names. */
  private static Provenance provenance(IngestRequest request, ReadResult read) {
    if (!request.licence().isEmpty() || !request.citation().isEmpty()) {
      return new Provenance(request.licence(), request.citation());
    }
    return read.provenance();
  }

  /** The observations by the vintage their file gave them (the epoch when it gave none). */
  private static SortedMap<Instant, List<Observation>> vintages(ReadResult read) {
    SortedMap<Instant, List<Observation>> out = new TreeMap<>();
    for (Observation o : read.observations()) {
      out.computeIfAbsent(o.recordedAt(), k -> new ArrayList<>()).add(o);
    }
    if (out.isEmpty()) {
      out.put(Instant.EPOCH, List.of());
    }
    return out;
  }

  /**
   * A file with several vintages (SDMX data sets with a valid-from time, SDMX-CSV's VALID_FROM):
   * one batch per vintage, oldest first, so that revisions are stored as revisions. Each batch's
   * checksum is the file's with the vintage appended, so a re-ingest skips the vintages already
   * stored (also those stored before an interruption) and adds the rest.
   */
  private IngestResult ingestVintages(
      AccessContext ctx,
      String fileName,
      IngestRequest request,
      ReadResult read,
      String hex,
      SortedMap<Instant, List<Observation>> vintages,
      Provenance provenance,
      IngestProgress progress) {
    Set<String> stored = new HashSet<>();
    for (IngestBatch b : vigil.observations().batches(ctx)) {
      if (b.organisation().equals(ctx.organisation())) {
        stored.add(b.sha256());
      }
    }
    IngestBatch last = null;
    int added = 0;
    int done = 0;
    vigil.observations().checkWrite(ctx, fileName, read.observations());
    UnchangedValues unchanged = new UnchangedValues(vigil, ctx, request);
    Map<String, Observation> known = unchanged.everyVintage(read.observations());
    progress.update("writing", 0, vintages.size());
    for (Map.Entry<Instant, List<Observation>> v : vintages.entrySet()) {
      String vintageHex = vintageSha(v.getKey(), v.getValue());
      List<Observation> fresh =
          stored.contains(vintageHex) ? List.of() : unchanged.drop(v.getValue(), known);
      if (!fresh.isEmpty()) {
        IngestBatch batch =
            new IngestBatch(
                0,
                ctx.user(),
                ctx.organisation(),
                Instant.EPOCH,
                fileName + " (vintage " + v.getKey() + ")",
                vintageHex,
                request.format().id(),
                v.getValue().size(),
                0,
                0,
                provenance.licence(),
                provenance.citation());
        try {
          last = vigil.observations().append(ctx, batch, fresh);
          unchanged.stored(fresh);
          added += last.rowsAdded();
        } catch (AlreadyLoadedException e) {
          // stored meanwhile by a simultaneous upload of the same file
        }
      }
      progress.update("writing", ++done, vintages.size());
    }
    if (last == null || added == 0) {
      return alreadyLoaded(ctx, fileName, request, read, hex);
    }
    IngestBatch summary =
        new IngestBatch(
            last.id(),
            last.user(),
            last.organisation(),
            last.at(),
            fileName,
            hex,
            request.format().id(),
            read.rowsRead(),
            added,
            rejectedRows(read),
            provenance.licence(),
            provenance.citation());
    return new IngestResult(
        summary, read, hex, false, Optional.empty(), read.observations().size() - added);
  }

  /**
   * A vintage's checksum: of what it says (every value with its key and flags, and the vintage
   * time), not of the file's bytes, so that a later export of the same history (another header,
   * another preparation time) is recognised as already loaded.
   */
  private static String vintageSha(Instant vintage, List<Observation> values) {
    List<String> lines = new ArrayList<>();
    for (Observation o : values) {
      lines.add(
          String.join(
              "|",
              o.indicator(),
              o.area(),
              o.period().toString(),
              String.valueOf(o.value()),
              o.flags(),
              o.ownership().owner()));
    }
    java.util.Collections.sort(lines);
    MessageDigest sha = sha256();
    byte[] text =
        ("vintage " + vintage + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(sha.digest(text));
  }

  private IngestResult alreadyLoaded(
      AccessContext ctx, String fileName, IngestRequest request, ReadResult read, String hex) {
    IngestBatch none =
        new IngestBatch(
            0,
            ctx.user(),
            ctx.organisation(),
            vigil.clock().instant(),
            fileName,
            hex,
            request.format().id(),
            read.rowsRead(),
            0,
            rejectedRows(read));
    return new IngestResult(none, read, hex, true, Optional.empty(), read.observations().size());
  }

  /**
   * The new indicator with the scale its file declares; refuses a declaration that contradicts the
   * unit (a share or ratio needs a unit in percent) or the scale of an indicator already defined (a
   * data file does not redefine an indicator), naming the file, line and field.
   */
  private static Optional<Indicator> declaredScale(
      IngestRequest request,
      ReadResult read,
      ReferenceData reference,
      Optional<Indicator> created) {
    if (read.scale().isEmpty()) {
      return created;
    }
    org.vigil.ingest.DeclaredScale d = read.scale().get();
    if (created.isPresent()) {
      try {
        return Optional.of(created.get().withScale(d.scale()));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(d.where() + ": " + e.getMessage());
      }
    }
    Optional<Indicator> defined =
        request.indicator().flatMap(code -> reference.indicator(code.trim()));
    if (defined.isPresent() && defined.get().scale() != d.scale()) {
      throw new InvalidInputException(
          d.where()
              + ": expected the scale of the defined indicator "
              + defined.get().code()
              + " ("
              + defined.get().scale()
              + "), found "
              + d.scale()
              + "; a data file does not change a defined indicator's scale: leave the Scale"
              + " column out or empty, or write "
              + defined.get().scale());
    }
    return created;
  }

  private static Optional<Indicator> newIndicator(IngestRequest request, ReferenceData reference) {
    if (request.format() != IngestFormat.OWID
        || request.indicator().isEmpty()
        || request.newIndicatorDomain().isEmpty()) {
      return Optional.empty();
    }
    String code = request.indicator().get().trim().toUpperCase(Locale.ROOT);
    if (reference.indicator(code).isPresent()) {
      return Optional.empty();
    }
    Frequency f = Frequency.YEARLY; // OWID's Year column
    String name = request.column().orElse(code);
    try {
      return Optional.of(
          new Indicator(
              code,
              name,
              name,
              request.newIndicatorDomain().get(),
              request.newIndicatorUnit(),
              f,
              "",
              Polarity.NEUTRAL,
              Aggregation.MEAN,
              "ingest of " + name,
              false));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Cannot create indicator '" + code + "': " + e.getMessage());
    }
  }

  private static ReadSpec readSpec(
      String fileName, ReferenceData reference, Ownership ownership, IngestRequest r) {
    ReadSpec.Builder b =
        ReadSpec.builder(reference, ownership)
            .fileName(fileName)
            .defaultSource(r.source().isEmpty() ? fileName : r.source())
            .sdmxIndicatorDimension(r.sdmxIndicatorDimension())
            .sdmxAreaDimension(r.sdmxAreaDimension());
    r.column().ifPresent(b::column);
    r.indicator().map(i -> i.trim().toUpperCase(Locale.ROOT)).ifPresent(b::indicator);
    return b.build();
  }

  /** Rejected rows (a row with several rejections counts once). */
  static int rejectedRows(ReadResult read) {
    Set<Integer> lines = new HashSet<>();
    for (Rejection r : read.rejections()) {
      lines.add(r.line());
    }
    return lines.size();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }

  /** Discards what the reader left unread, so the checksum covers the whole file. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** Counts bytes and reports "reading" progress about every 1% (at most every 64 KiB). */
  private static final class Counting extends FilterInputStream {
    private final long total;
    private final IngestProgress progress;
    private final long step;
    private long done;
    private long next;

    Counting(InputStream in, long total, IngestProgress progress) {
      super(in);
      this.total = total;
      this.progress = progress;
      this.step = Math.max(1 << 16, total / 100);
      progress.update("reading", 0, total);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(long n) {
      done += n;
      if (done >= next) {
        next = done + step;
        progress.update("reading", done, total);
      }
    }

    @Override
    public void close() throws IOException {
      progress.update("reading", done, total < 0 ? done : total);
      super.close();
    }
  }
}
