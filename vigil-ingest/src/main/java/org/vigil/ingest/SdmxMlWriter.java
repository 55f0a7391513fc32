package org.vigil.ingest;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vigil.model.Observation;

/** SDMX-ML 2.1 structure-specific data, written with StAX (see {@link SdmxWriter}). */
final class SdmxMlWriter {
  static final String MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
  static final String COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
  static final String SS =
      "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String LICENCE = "Licence: ";
  static final String CITATION = "Citation: ";

  private final SdmxDataflow flow;
  private final UnaryOperator<String> unit;
  private final SdmxMapping mapping;

  SdmxMlWriter(SdmxDataflow flow, UnaryOperator<String> unit, SdmxMapping mapping) {
    this.flow = flow;
    this.unit = unit;
    this.mapping = mapping;
  }

  void write(List<SdmxWriter.DataSet> sets, Instant prepared, Provenance provenance, Writer out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      String structure = SdmxWriter.structureId(flow);
      String ns =
          "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow="
              + flow.reference()
              + ":ObsLevelDim:TIME_PERIOD";
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("message", "StructureSpecificData", MESSAGE);
      x.writeNamespace("message", MESSAGE);
      x.writeNamespace("common", COMMON);
      x.writeNamespace("ss", SS);
      x.writeNamespace("xsi", XSI);
      x.writeNamespace("ns1", ns);
      header(x, structure, ns, prepared, provenance);
      for (SdmxWriter.DataSet ds : sets) {
        dataSet(x, structure, ds);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write SDMX-ML: " + e.getMessage(), e);
    }
  }

  private void header(
      XMLStreamWriter x, String structure, String ns, Instant prepared, Provenance provenance)
      throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeStartElement("message", "Header", MESSAGE);
    element(x, "ID", "VIGIL-" + prepared.toEpochMilli());
    element(x, "Test", "false");
    element(x, "Prepared", prepared.toString());
    x.writeEmptyElement("message", "Sender", MESSAGE);
    x.writeAttribute("id", flow.agency());
    x.writeStartElement("message", "Structure", MESSAGE);
    x.writeAttribute("structureID", structure);
    x.writeAttribute("namespace", ns);
    x.writeAttribute("dimensionAtObservation", "TIME_PERIOD");
    x.writeStartElement("common", "StructureUsage", COMMON);
    x.writeEmptyElement("Ref");
    x.writeAttribute("agencyID", flow.agency());
    x.writeAttribute("id", flow.id());
    x.writeAttribute("version", flow.version());
    x.writeEndElement();
    x.writeEndElement();
    source(x, LICENCE, provenance.licence());
    source(x, CITATION, provenance.citation());
    x.writeEndElement();
  }

  /** A header Source line ("Licence: CC BY 4.0"), which the reader takes back. */
  private static void source(XMLStreamWriter x, String label, String text)
      throws XMLStreamException {
    if (!text.isEmpty()) {
      x.writeStartElement("message", "Source", MESSAGE);
      x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
      x.writeCharacters(label + text);
      x.writeEndElement();
    }
  }

  private void dataSet(XMLStreamWriter x, String structure, SdmxWriter.DataSet ds)
      throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeStartElement("message", "DataSet", MESSAGE);
    x.writeAttribute("ss", SS, "structureRef", structure);
    x.writeAttribute("xsi", XSI, "type", "ns1:DataSetType");
    x.writeAttribute("ss", SS, "dataScope", "DataStructure");
    x.writeAttribute("action", "Information");
    if (!ds.validFrom().equals(Instant.EPOCH)) {
      x.writeAttribute("validFromDate", ds.validFrom().toString());
    }
    for (Map.Entry<List<String>, List<Observation>> s : ds.series().entrySet()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("Series");
      for (int i = 0; i < flow.dimensions().size(); i++) {
        x.writeAttribute(flow.dimensions().get(i), s.getKey().get(i));
      }
      if (flow.equals(SdmxDataflow.INDICATORS)) {
        String u = unit.apply(s.getValue().get(0).indicator());
        if (!u.isEmpty()) {
          x.writeAttribute("UNIT_MEASURE", u);
        }
      }
      for (Observation o : s.getValue()) {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("Obs");
        x.writeAttribute("TIME_PERIOD", o.period().toString());
        x.writeAttribute("OBS_VALUE", SdmxWriter.value(o));
        SdmxFlags.Written flags = SdmxFlags.write(SdmxWriter.status(o), mapping);
        x.writeAttribute("OBS_STATUS", flags.status());
        if (!flags.flag().isEmpty()) {
          x.writeAttribute("OBS_FLAG", flags.flag());
        }
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement("message", name, MESSAGE);
    x.writeCharacters(text);
    x.writeEndElement();
  }
}
