package org.vigil.ingest;

import java.util.Optional;
import org.vigil.model.Ownership;

/**
 * How to read one file: its name for messages, the reference data to validate against, who owns the
 * observations, and the format options. Immutable; build with {@link #builder}.
 *
 * @param fileName the file name used in messages ("cis.csv")
 * @param reference indicators and areas to validate against
 * @param ownership owner and classification given to every observation read
 * @param defaultSource source recorded on observations whose row names none
 * @param column OWID: the value column to read (optional when the file has only one)
 * @param indicator OWID: the indicator the column becomes (required); SDMX: a fixed indicator that
 *     overrides the indicator dimension; otherwise unused
 * @param sdmxIndicatorDimension SDMX: the column holding the indicator code (default INDICATOR)
 * @param sdmxAreaDimension SDMX: the column holding the area code (default REF_AREA)
 */
public record ReadSpec(
    String fileName,
    ReferenceData reference,
    Ownership ownership,
    String defaultSource,
    Optional<String> column,
    Optional<String> indicator,
    String sdmxIndicatorDimension,
    String sdmxAreaDimension) {

  public ReadSpec {
    if (reference == null || ownership == null) {
      throw new IllegalArgumentException("ReadSpec needs reference data and an ownership");
    }
    fileName = fileName == null || fileName.isBlank() ? "input" : fileName;
    defaultSource = defaultSource == null ? "" : defaultSource;
    column = column == null ? Optional.empty() : column.filter(c -> !c.isBlank());
    indicator = indicator == null ? Optional.empty() : indicator.filter(c -> !c.isBlank());
    sdmxIndicatorDimension =
        sdmxIndicatorDimension == null || sdmxIndicatorDimension.isBlank()
            ? "INDICATOR"
            : sdmxIndicatorDimension;
    sdmxAreaDimension =
        sdmxAreaDimension == null || sdmxAreaDimension.isBlank() ? "REF_AREA" : sdmxAreaDimension;
  }

  public static Builder builder(ReferenceData reference, Ownership ownership) {
    return new Builder(reference, ownership);
  }

  /** Builder for {@link ReadSpec}; every setting but reference and ownership is optional. */
  public static final class Builder {
    private final ReferenceData reference;
    private final Ownership ownership;
    private String fileName = "input";
    private String defaultSource = "";
    private Optional<String> column = Optional.empty();
    private Optional<String> indicator = Optional.empty();
    private String sdmxIndicatorDimension = "INDICATOR";
    private String sdmxAreaDimension = "REF_AREA";

    private Builder(ReferenceData reference, Ownership ownership) {
      this.reference = reference;
      this.ownership = ownership;
    }

    public Builder fileName(String v) {
      fileName = v;
      return this;
    }

    public Builder defaultSource(String v) {
      defaultSource = v;
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

    public Builder sdmxIndicatorDimension(String v) {
      sdmxIndicatorDimension = v;
      return this;
    }

    public Builder sdmxAreaDimension(String v) {
      sdmxAreaDimension = v;
      return this;
    }

    public ReadSpec build() {
      return new ReadSpec(
          fileName,
          reference,
          ownership,
          defaultSource,
          column,
          indicator,
          sdmxIndicatorDimension,
          sdmxAreaDimension);
    }
  }
}
