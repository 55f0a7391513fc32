package org.vigil.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Codes in SDMX files (GEO, ICCS with UNIT, INDICATOR) and the Vigil area or indicator code each
 * stands for, kept as data in the versioned resource {@code org/vigil/ingest/sdmx-mapping.csv}
 * ({@code dimension,code,unit,vigil,note}). Reading maps a file's code to Vigil's; exporting maps
 * back with the first row that names a Vigil code. Immutable and thread-safe.
 */
public final class SdmxMapping {
  /** The bundled mapping's resource name. */
  public static final String RESOURCE = "sdmx-mapping.csv";

  private static final SdmxMapping BUNDLED = loadBundled();

  /**
   * One mapping row.
   *
   * @param dimension the SDMX dimension (GEO, ICCS, INDICATOR)
   * @param code the code in files
   * @param unit for ICCS, the UNIT code it comes with; empty otherwise
   * @param vigil Vigil's area or indicator code
   */
  public record Row(String dimension, String code, String unit, String vigil) {
    public Row {
      if (dimension.isBlank() || code.isBlank() || vigil.isBlank()) {
        throw new IllegalArgumentException(
            "An SDMX mapping row needs a dimension, a code and a Vigil code, found '"
                + dimension
                + ","
                + code
                + ","
                + unit
                + ","
                + vigil
                + "'");
      }
    }
  }

  private final List<Row> rows;
  private final Map<String, Row> byCode = new LinkedHashMap<>();
  private final Map<String, Row> byVigil = new LinkedHashMap<>();

  private SdmxMapping(List<Row> rows) {
    this.rows = List.copyOf(rows);
    for (Row r : rows) {
      byCode.putIfAbsent(key(r.dimension(), r.code(), r.unit()), r);
      byVigil.putIfAbsent(r.dimension() + "\n" + r.vigil(), r);
    }
  }

  /** The mapping shipped with Vigil. */
  public static SdmxMapping bundled() {
    return BUNDLED;
  }

  public static SdmxMapping of(List<Row> rows) {
    return new SdmxMapping(rows);
  }

  /**
   * Parses mapping CSV: lines starting with '#' are comments, the header {@code
   * dimension,code,unit,vigil[,note]} comes first.
   *
   * @throws IllegalArgumentException naming the line of a malformed row
   */
  public static SdmxMapping parse(String name, Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in);
    List<Row> rows = new ArrayList<>();
    boolean header = true;
    int line = 0;
    for (String s = r.readLine(); s != null; s = r.readLine()) {
      line++;
      if (s.isBlank() || s.startsWith("#")) {
        continue;
      }
      String[] f = s.split(",", 5);
      if (header) {
        header = false;
        if (f.length < 4 || !f[0].trim().equalsIgnoreCase("dimension")) {
          throw new IllegalArgumentException(
              name + " line " + line + ": expected the header dimension,code,unit,vigil,note");
        }
        continue;
      }
      if (f.length < 4) {
        throw new IllegalArgumentException(
            name + " line " + line + ": expected dimension,code,unit,vigil[,note], found " + s);
      }
      try {
        rows.add(
            new Row(
                f[0].trim().toUpperCase(Locale.ROOT),
                f[1].trim(),
                f[2].trim().toUpperCase(Locale.ROOT),
                f[3].trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + line + ": " + e.getMessage(), e);
      }
    }
    return new SdmxMapping(rows);
  }

  private static SdmxMapping loadBundled() {
    try (InputStream in = SdmxMapping.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The SDMX mapping resource " + RESOURCE + " is missing");
      }
      return parse(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  public List<Row> rows() {
    return rows;
  }

  /** Vigil's code for a file's code in a dimension (and, for ICCS, with its UNIT). */
  public Optional<String> toVigil(String dimension, String code, String unit) {
    Row r = byCode.get(key(dimension, code.trim(), unit.trim().toUpperCase(Locale.ROOT)));
    return Optional.ofNullable(r).map(Row::vigil);
  }

  /** The row that writes a Vigil code back in a dimension. */
  public Optional<Row> fromVigil(String dimension, String vigil) {
    return Optional.ofNullable(byVigil.get(dimension.toUpperCase(Locale.ROOT) + "\n" + vigil));
  }

  /** The codes a dimension accepts ("KZ, RU, ..."), for messages. */
  public String expected(String dimension) {
    List<String> codes = new ArrayList<>();
    for (Row r : rows) {
      if (r.dimension().equalsIgnoreCase(dimension)) {
        String c = r.unit().isEmpty() ? r.code() : r.code() + " with UNIT " + r.unit();
        if (!codes.contains(c)) {
          codes.add(c);
        }
      }
    }
    return codes.isEmpty() ? "(none mapped)" : String.join(", ", codes);
  }

  private static String key(String dimension, String code, String unit) {
    return dimension.toUpperCase(Locale.ROOT) + "\n" + code + "\n" + unit;
  }
}
