package org.vigil.app.ingest;

import java.util.Optional;
import java.util.Set;
import org.vigil.ingest.IngestFormat;
import org.vigil.model.Classification;
import org.vigil.model.ThreatDomain;

/**
 * One ingest: the format, who owns the data and how it is shared, the format options, and whether
 * good rows are kept when some are rejected. Immutable; build with {@link #builder}.
 *
 * @param format input format
 * @param owner owning organisation id
 * @param classification the classification given to every observation
 * @param sharedWith for RESTRICTED: the organisations that may read the data (empty otherwise)
 * @param column OWID: the value column
 * @param indicator OWID: the indicator the column holds; SDMX: a fixed indicator
 * @param newIndicatorDomain when present and the indicator is unknown, a new yearly indicator with
 *     this domain (and {@code newIndicatorUnit}) is created once the file reads cleanly
 * @param newIndicatorUnit unit of a new indicator
 * @param sdmxIndicatorDimension SDMX: the indicator column
 * @param sdmxAreaDimension SDMX: the area column
 * @param keepGoodRows store the good rows and report the rejected ones, instead of storing nothing
 * @param licence for a pull from a public source: the licence stored with the batch (else empty)
 * @param citation for a pull from a public source: the citation stored with the batch (else empty)
 * @param source the source recorded on observations whose row names none; empty for the file name
 *     (a pulled source names itself, so that a re-pull from another address is not a revision)
 * @param reclassify when true, a value equal (value and flags) to the owner's latest vintage but
 *     with another classification is stored as a new vintage with this request's classification;
 *     when false (the default, a classification nobody chose) such a value is unchanged
 */
public record IngestRequest(
    IngestFormat format,
    String owner,
    Classification classification,
    Set<String> sharedWith,
    Optional<String> column,
    Optional<String> indicator,
    Optional<ThreatDomain> newIndicatorDomain,
    String newIndicatorUnit,
    String sdmxIndicatorDimension,
    String sdmxAreaDimension,
    boolean keepGoodRows,
    String licence,
    String citation,
    String source,
    boolean reclassify) {

  public IngestRequest {
    if (format == null || owner == null || owner.isBlank() || classification == null) {
      throw new IllegalArgumentException(
          "IngestRequest needs a format, an owner and a classification");
    }
    sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
    if (classification != Classification.RESTRICTED && !sharedWith.isEmpty()) {
      throw new IllegalArgumentException(
          "Only RESTRICTED data names organisations to share with; found "
              + classification
              + " with "
              + sharedWith);
    }
    column = column == null ? Optional.empty() : column;
    indicator = indicator == null ? Optional.empty() : indicator;
    newIndicatorDomain = newIndicatorDomain == null ? Optional.empty() : newIndicatorDomain;
    newIndicatorUnit = newIndicatorUnit == null ? "" : newIndicatorUnit;
    sdmxIndicatorDimension = sdmxIndicatorDimension == null ? "" : sdmxIndicatorDimension;
    sdmxAreaDimension = sdmxAreaDimension == null ? "" : sdmxAreaDimension;
    licence = licence == null ? "" : licence;
    citation = citation == null ? "" : citation;
    source = source == null ? "" : source;
  }

  /** The same request for another input format (after sniffing an upload's content). */
  public IngestRequest withFormat(IngestFormat f) {
    return new IngestRequest(
        f,
        owner,
        classification,
        sharedWith,
        column,
        indicator,
        newIndicatorDomain,
        newIndicatorUnit,
        sdmxIndicatorDimension,
        sdmxAreaDimension,
        keepGoodRows,
        licence,
        citation,
        source,
        reclassify);
  }

  public static Builder builder(IngestFormat format, String owner, Classification classification) {
    return new Builder(format, owner, classification);
  }

  /** Builder for {@link IngestRequest}. */
  public static final class Builder {
    private final IngestFormat format;
    private final String owner;
    private final Classification classification;
    private Set<String> sharedWith = Set.of();
    private Optional<String> column = Optional.empty();
    private Optional<String> indicator = Optional.empty();
    private Optional<ThreatDomain> domain = Optional.empty();
    private String unit = "";
    private String sdmxIndicator = "";
    private String sdmxArea = "";
    private boolean keepGoodRows;
    private String licence = "";
    private String citation = "";
    private String source = "";
    private boolean reclassify;

    private Builder(IngestFormat format, String owner, Classification classification) {
      this.format = format;
      this.owner = owner;
      this.classification = classification;
    }

    /** For RESTRICTED data: the organisations that may read it besides the owner. */
    public Builder sharedWith(Set<String> v) {
      sharedWith = v;
      return this;
    }

    public Builder column(String v) {
      column = Optional.ofNullable(v);
      return this;
    }

    public Builder indicator(String v) {
      indicator = Optional.ofNullable(v);
      return this;
    }

    /** Lets the ingest create the indicator (yearly for OWID) when it is not known yet. */
    public Builder newIndicator(ThreatDomain d, String u) {
      domain = Optional.ofNullable(d);
      unit = u;
      return this;
    }

    public Builder sdmxDimensions(String indicatorDimension, String areaDimension) {
      sdmxIndicator = indicatorDimension;
      sdmxArea = areaDimension;
      return this;
    }

    public Builder keepGoodRows(boolean v) {
      keepGoodRows = v;
      return this;
    }

    /**
     * The licence and citation of the public source the content was pulled from, and the source
     * name recorded on its observations.
     */
    public Builder provenance(String l, String c, String sourceName) {
      licence = l;
      citation = c;
      source = sourceName;
      return this;
    }

    /**
     * The classification was chosen for this ingest (--classification, the API's classification
     * parameter): identical values with another classification are stored again with it.
     */
    public Builder reclassify(boolean v) {
      reclassify = v;
      return this;
    }

    public IngestRequest build() {
      return new IngestRequest(
          format,
          owner,
          classification,
          sharedWith,
          column,
          indicator,
          domain,
          unit,
          sdmxIndicator,
          sdmxArea,
          keepGoodRows,
          licence,
          citation,
          source,
          reclassify);
    }
  }
}
