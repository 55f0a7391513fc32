package org.vigil.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SDMX-ML 2.1 structure-specific data messages ({@code message:StructureSpecificData}), read with
 * the JDK's StAX. Each {@code DataSet} is one vintage when it carries {@code validFromDate} (as
 * Vigil's exports write it); {@code action="Delete"} data sets are skipped (Vigil keeps every
 * vintage). Series attributes are the series key and series-level attributes; {@code Obs}
 * attributes hold TIME_PERIOD, OBS_VALUE and OBS_STATUS. Observations directly in a data set
 * (dimension at observation AllDimensions) carry the whole key themselves. Headers and groups are
 * not needed for the values and are skipped. DTDs and external entities are refused.
 */
final class SdmxMlReader implements ObservationReader {
  private final SdmxMapping mapping;

  SdmxMlReader(SdmxMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public ReadResult read(InputStream in, ReadSpec spec) {
    RowCollector rc = new RowCollector(IngestFormat.SDMX_ML, spec);
    XMLStreamReader x = null;
    try {
      x = factory().createXMLStreamReader(in, "UTF-8");
      new Parse(x, rc, mapping).message();
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
      rc.reject(Math.max(1, line), "xml", "well-formed XML", oneLine(e.getMessage()));
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException e) {
          // the stream is left to the caller
        }
      }
    }
    return rc.result();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private static String oneLine(String s) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    int i = t.indexOf("Message: ");
    return i >= 0 ? t.substring(i + 9) : t;
  }

  /** One pass over one message. */
  private static final class Parse {
    private final XMLStreamReader x;
    private final RowCollector rc;
    private final SdmxMapping mapping;
    private int seriesCount;

    Parse(XMLStreamReader x, RowCollector rc, SdmxMapping mapping) {
      this.x = x;
      this.rc = rc;
      this.mapping = mapping;
    }

    void message() throws XMLStreamException {
      x.nextTag();
      String root = x.getLocalName();
      if (!root.equals("StructureSpecificData")) {
        rc.reject(
            x.getLocation().getLineNumber(),
            "root element",
            "StructureSpecificData (an SDMX-ML 2.1 structure-specific data message; ask the"
                + " source for structure-specific rather than generic data)",
            "<" + root + ">");
        return;
      }
      int dataSets = 0;
      while (nextChild()) {
        String name = x.getLocalName();
        if (name.equals("DataSet")) {
          dataSets++;
          seriesCount = 0;
          dataSet(dataSets);
        } else if (name.equals("Header")) {
          header();
        } else if (name.equals("Footer")) {
          skip();
        } else {
          unexpected("Header, DataSet or Footer in StructureSpecificData");
          skip();
        }
      }
      if (dataSets == 0) {
        rc.reject(1, "DataSet", "at least one DataSet element", "none");
      }
    }

    /** The header's Source lines "Licence: ..." and "Citation: ..." (as Vigil writes them). */
    private void header() throws XMLStreamException {
      String licence = "";
      String citation = "";
      while (nextChild()) {
        if (x.getLocalName().equals("Source")) {
          String text = x.getElementText().strip();
          if (text.startsWith(SdmxMlWriter.LICENCE)) {
            licence = text.substring(SdmxMlWriter.LICENCE.length());
          } else if (text.startsWith(SdmxMlWriter.CITATION)) {
            citation = text.substring(SdmxMlWriter.CITATION.length());
          } else if (citation.isEmpty()) {
            citation = text;
          }
        } else {
          skip();
        }
      }
      rc.provenance(new Provenance(licence, citation));
    }

    private void dataSet(int number) throws XMLStreamException {
      int line = x.getLocation().getLineNumber();
      String action = attribute("action").orElse("");
      Optional<Instant> vintage = vintage(line, number);
      if (vintage.isEmpty()) {
        skip();
        return;
      }
      Map<String, String> own = ownAttributes();
      if (action.equalsIgnoreCase("Delete")) {
        rc.skip(line, "DataSet #" + number, "deletions are not applied: Vigil keeps every vintage");
        skip();
        return;
      }
      int obs = 0;
      while (nextChild()) {
        String name = x.getLocalName();
        if (name.equals("Series")) {
          series(own, vintage.get(), number);
        } else if (name.equals("Obs")) {
          obs++;
          observation(own, "Obs #" + obs + " of DataSet #" + number, vintage.get());
        } else if (name.equals("Group")) {
          skip();
        } else {
          unexpected("Series, Obs or Group in DataSet");
          skip();
        }
      }
    }

    private Optional<Instant> vintage(int line, int number) {
      Optional<String> valid = attribute("validFromDate");
      if (valid.isEmpty()) {
        return Optional.of(Instant.EPOCH);
      }
      try {
        return Optional.of(OffsetDateTime.parse(valid.get().trim()).toInstant());
      } catch (DateTimeParseException e) {
        rc.reject(
            line,
            "validFromDate (element DataSet #" + number + ")",
            "a date-time with offset such as 2026-05-01T10:00:00Z",
            Rejection.quoted(valid.get()));
        return Optional.empty();
      }
    }

    private void series(Map<String, String> dataSet, Instant vintage, int dataSetNumber)
        throws XMLStreamException {
      seriesCount++;
      Map<String, String> key = new LinkedHashMap<>(dataSet);
      key.putAll(ownAttributes());
      String where =
          "Series #" + seriesCount + " " + describe(key) + " in DataSet #" + dataSetNumber;
      int obs = 0;
      while (nextChild()) {
        if (x.getLocalName().equals("Obs")) {
          obs++;
          observation(key, "Obs #" + obs + " of " + where, vintage);
        } else {
          unexpected("Obs in Series");
          skip();
        }
      }
    }

    private void observation(Map<String, String> outer, String where, Instant vintage)
        throws XMLStreamException {
      int line = x.getLocation().getLineNumber();
      Map<String, String> all = new LinkedHashMap<>(outer);
      all.putAll(ownAttributes());
      new SdmxObservation(line, where, all, vintage).addTo(rc, mapping);
      while (nextChild()) {
        unexpected("no child elements in Obs");
        skip();
      }
    }

    /** Attributes without a namespace (the components), ids upper-cased. */
    private Map<String, String> ownAttributes() {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < x.getAttributeCount(); i++) {
        String ns = x.getAttributeNamespace(i);
        String name = x.getAttributeLocalName(i);
        if ((ns == null || ns.isEmpty()) && !isDataSetProperty(name)) {
          m.put(name.toUpperCase(Locale.ROOT), x.getAttributeValue(i));
        }
      }
      return m;
    }

    private static boolean isDataSetProperty(String name) {
      return switch (name) {
        case "action",
            "validFromDate",
            "validToDate",
            "reportingBeginDate",
            "reportingEndDate",
            "publicationYear",
            "publicationPeriod",
            "setID",
            "dataScope",
            "structureRef" ->
            true;
        default -> false;
      };
    }

    private Optional<String> attribute(String name) {
      for (int i = 0; i < x.getAttributeCount(); i++) {
        if (x.getAttributeLocalName(i).equals(name)) {
          return Optional.of(x.getAttributeValue(i));
        }
      }
      return Optional.empty();
    }

    private static String describe(Map<String, String> key) {
      StringBuilder b = new StringBuilder();
      key.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
      return b.toString();
    }

    private void unexpected(String expected) {
      rc.reject(
          x.getLocation().getLineNumber(),
          "element <" + x.getLocalName() + ">",
          expected,
          "<" + x.getLocalName() + ">");
    }

    /** Moves to the next child start element; false at the parent's end element. */
    private boolean nextChild() throws XMLStreamException {
      while (x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          return true;
        }
        if (e == XMLStreamConstants.END_ELEMENT) {
          return false;
        }
      }
      return false;
    }

    /** Skips the current element and everything in it. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0 && x.hasNext()) {
        int e = x.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    }
  }
}
