package org.vigil.ingest;

import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;

/**
 * What a reader made of one file: the observations it could read, every rejected row (in file
 * order) and the rows it skipped on purpose. Readers never throw on bad input: they report it here.
 *
 * @param format the format read
 * @param file the file name used in messages
 * @param rowsRead data rows seen (header excluded)
 * @param observations the valid observations, in file order; never two for one indicator, area and
 *     period
 * @param rejections rejected rows in file order
 * @param skipped rows deliberately not loaded (not errors)
 * @param provenance the licence and citation the file names for its values (SDMX headers), or
 *     {@link Provenance#NONE}
 * @param scale the scale the file declares for its indicator (an OWID file's Scale column), if any
 */
public record ReadResult(
    IngestFormat format,
    String file,
    int rowsRead,
    List<Observation> observations,
    List<Rejection> rejections,
    List<SkippedRow> skipped,
    Provenance provenance,
    Optional<DeclaredScale> scale) {
  public ReadResult(
      IngestFormat format,
      String file,
      int rowsRead,
      List<Observation> observations,
      List<Rejection> rejections,
      List<SkippedRow> skipped,
      Provenance provenance) {
    this(format, file, rowsRead, observations, rejections, skipped, provenance, Optional.empty());
  }

  public ReadResult(
      IngestFormat format,
      String file,
      int rowsRead,
      List<Observation> observations,
      List<Rejection> rejections,
      List<SkippedRow> skipped) {
    this(format, file, rowsRead, observations, rejections, skipped, Provenance.NONE);
  }

  public ReadResult {
    if (format == null) {
      throw new IllegalArgumentException("ReadResult needs a format, found null");
    }
    file = file == null ? "" : file;
    observations = List.copyOf(observations);
    rejections = List.copyOf(rejections);
    skipped = List.copyOf(skipped);
    provenance = provenance == null ? Provenance.NONE : provenance;
    scale = scale == null ? Optional.empty() : scale;
  }

  /** True when no row was rejected. */
  public boolean isClean() {
    return rejections.isEmpty();
  }

  /** The first rejection in file order, if any. */
  public Optional<Rejection> firstRejection() {
    return rejections.isEmpty() ? Optional.empty() : Optional.of(rejections.get(0));
  }

  /**
   * Returns this result when it is clean.
   *
   * @throws InvalidInputException naming the first rejection (file, line, field, expected, found)
   *     and how many more there are
   */
  public ReadResult requireClean() {
    if (isClean()) {
      return this;
    }
    String more =
        rejections.size() == 1
            ? ""
            : " (and "
                + (rejections.size() - 1)
                + " more rejected rows; to load the good rows and list every rejection, keep good rows:"
                + " --keep-good-rows on the command line, keepGoodRows=true in the API)";
    throw new InvalidInputException(rejections.get(0).message() + more);
  }
}
