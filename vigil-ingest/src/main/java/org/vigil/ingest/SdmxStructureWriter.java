package org.vigil.ingest;

import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An SDMX-ML 2.1 structure message for one dataflow's data structure definition: its code lists
 * (FREQ, and for the crime flow ICCS, UNIT and GEO from the {@link SdmxMapping}), the dimensions in
 * key order with TIME_PERIOD last, OBS_STATUS (and UNIT_MEASURE) as attributes and OBS_VALUE as the
 * primary measure, with English and Russian names.
 */
public final class SdmxStructureWriter {
  private static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";

  private SdmxStructureWriter() {}

  public static void write(SdmxDataflow flow, SdmxMapping mapping, Instant prepared, Writer out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("message", "Structure", SdmxMlWriter.MESSAGE);
      x.writeNamespace("message", SdmxMlWriter.MESSAGE);
      x.writeNamespace("str", STR);
      x.writeNamespace("common", SdmxMlWriter.COMMON);
      x.writeStartElement("message", "Header", SdmxMlWriter.MESSAGE);
      text(x, "message", SdmxMlWriter.MESSAGE, "ID", "VIGIL-" + flow.dsd());
      text(x, "message", SdmxMlWriter.MESSAGE, "Test", "false");
      text(x, "message", SdmxMlWriter.MESSAGE, "Prepared", prepared.toString());
      x.writeEmptyElement("message", "Sender", SdmxMlWriter.MESSAGE);
      x.writeAttribute("id", flow.agency());
      x.writeEndElement();
      x.writeStartElement("message", "Structures", SdmxMlWriter.MESSAGE);
      Map<String, Map<String, String>> lists = codeLists(flow, mapping);
      x.writeStartElement("str", "Codelists", STR);
      for (Map.Entry<String, Map<String, String>> cl : lists.entrySet()) {
        maintainable(x, "Codelist", "CL_" + cl.getKey(), flow, cl.getKey(), cl.getKey());
        for (Map.Entry<String, String> code : cl.getValue().entrySet()) {
          x.writeStartElement("str", "Code", STR);
          x.writeAttribute("id", code.getKey());
          name(x, "en", code.getValue());
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("str", "DataStructures", STR);
      maintainable(x, "DataStructure", flow.dsd(), flow, flow.nameEn(), flow.nameRu());
      x.writeStartElement("str", "DataStructureComponents", STR);
      x.writeStartElement("str", "DimensionList", STR);
      x.writeAttribute("id", "DimensionDescriptor");
      int position = 1;
      for (String d : flow.dimensions()) {
        x.writeStartElement("str", "Dimension", STR);
        x.writeAttribute("id", d);
        x.writeAttribute("position", String.valueOf(position++));
        if (lists.containsKey(d)) {
          x.writeStartElement("str", "LocalRepresentation", STR);
          x.writeStartElement("str", "Enumeration", STR);
          ref(x, "CL_" + d, flow, "codelist");
          x.writeEndElement();
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeEmptyElement("str", "TimeDimension", STR);
      x.writeAttribute("id", "TIME_PERIOD");
      x.writeAttribute("position", String.valueOf(position));
      x.writeEndElement();
      x.writeStartElement("str", "AttributeList", STR);
      x.writeAttribute("id", "AttributeDescriptor");
      attribute(x, "OBS_STATUS", "PrimaryMeasure", "OBS_VALUE");
      // Vigil's whole flag list when OBS_STATUS alone would lose some of it (see SdmxFlags).
      attribute(x, "OBS_FLAG", "PrimaryMeasure", "OBS_VALUE");
      if (flow.equals(SdmxDataflow.INDICATORS)) {
        attribute(x, "UNIT_MEASURE", "Dimension", "INDICATOR");
      }
      x.writeEndElement();
      x.writeStartElement("str", "MeasureList", STR);
      x.writeAttribute("id", "MeasureDescriptor");
      x.writeEmptyElement("str", "PrimaryMeasure", STR);
      x.writeAttribute("id", "OBS_VALUE");
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the SDMX structure: " + e.getMessage(), e);
    }
  }

  private static Map<String, Map<String, String>> codeLists(SdmxDataflow flow, SdmxMapping m) {
    Map<String, Map<String, String>> lists = new LinkedHashMap<>();
    lists.put("FREQ", new LinkedHashMap<>(Map.of("A", "Annual", "Q", "Quarterly", "M", "Monthly")));
    if (flow.equals(SdmxDataflow.CRIME)) {
      for (String d : List.of("ICCS", "UNIT", "GEO")) {
        lists.put(d, new LinkedHashMap<>());
      }
      for (SdmxMapping.Row r : m.rows()) {
        if (r.dimension().equals("ICCS")) {
          lists.get("ICCS").putIfAbsent(r.code(), r.code());
          lists.get("UNIT").putIfAbsent(r.unit(), r.unit());
        } else if (r.dimension().equals("GEO")) {
          lists.get("GEO").putIfAbsent(r.code(), r.vigil());
        }
      }
    }
    return lists;
  }

  private static void maintainable(
      XMLStreamWriter x, String element, String id, SdmxDataflow flow, String en, String ru)
      throws XMLStreamException {
    x.writeStartElement("str", element, STR);
    x.writeAttribute("id", id);
    x.writeAttribute("agencyID", flow.agency());
    x.writeAttribute("version", flow.version());
    name(x, "en", en);
    name(x, "ru", ru);
  }

  private static void attribute(XMLStreamWriter x, String id, String relation, String to)
      throws XMLStreamException {
    x.writeStartElement("str", "Attribute", STR);
    x.writeAttribute("id", id);
    x.writeAttribute("assignmentStatus", "Conditional");
    x.writeStartElement("str", "AttributeRelationship", STR);
    x.writeStartElement("str", relation, STR);
    x.writeEmptyElement("Ref");
    x.writeAttribute("id", to);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void ref(XMLStreamWriter x, String id, SdmxDataflow flow, String cls)
      throws XMLStreamException {
    x.writeEmptyElement("Ref");
    x.writeAttribute("id", id);
    x.writeAttribute("agencyID", flow.agency());
    x.writeAttribute("version", flow.version());
    x.writeAttribute("class", cls);
  }

  private static void name(XMLStreamWriter x, String lang, String text) throws XMLStreamException {
    x.writeStartElement("common", "Name", SdmxMlWriter.COMMON);
    x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String prefix, String ns, String name, String t)
      throws XMLStreamException {
    x.writeStartElement(prefix, name, ns);
    x.writeCharacters(t);
    x.writeEndElement();
  }
}
