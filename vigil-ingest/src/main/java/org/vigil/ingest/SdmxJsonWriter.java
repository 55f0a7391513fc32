package org.vigil.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vigil.model.Observation;

/**
 * SDMX-JSON data messages 1.0 ({@code data.structure}) and 2.0 ({@code data.structures}, data sets
 * pointing at structure 0), see {@link SdmxWriter}. One structure covers every data set: the
 * dimension values are the codes used anywhere in the message, in order of first use.
 */
final class SdmxJsonWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String LICENSE = "license";
  static final String CITE_AS = "cite-as";

  private final SdmxDataflow flow;
  private final UnaryOperator<String> unit;
  private final SdmxMapping mapping;
  private final boolean v2;

  SdmxJsonWriter(SdmxDataflow flow, UnaryOperator<String> unit, SdmxMapping mapping, boolean v2) {
    this.flow = flow;
    this.unit = unit;
    this.mapping = mapping;
    this.v2 = v2;
  }

  void write(List<SdmxWriter.DataSet> sets, Instant prepared, Provenance provenance, Writer out)
      throws IOException {
    List<Codes> dims = new ArrayList<>();
    flow.dimensions().forEach(d -> dims.add(new Codes(d)));
    Codes time = new Codes("TIME_PERIOD");
    Codes units = new Codes("UNIT_MEASURE");
    Codes status = new Codes("OBS_STATUS");
    Codes flag = new Codes("OBS_FLAG");
    boolean withUnit = flow.equals(SdmxDataflow.INDICATORS);
    ArrayNode dataSets = JSON.createArrayNode();
    for (SdmxWriter.DataSet ds : sets) {
      ObjectNode d = dataSets.addObject();
      if (v2) {
        d.put("structure", 0);
      }
      d.put("action", "Information");
      if (!ds.validFrom().equals(Instant.EPOCH)) {
        d.put("validFrom", ds.validFrom().toString());
      }
      ObjectNode series = d.putObject("series");
      for (Map.Entry<List<String>, List<Observation>> s : ds.series().entrySet()) {
        List<String> idx = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
          idx.add(String.valueOf(dims.get(i).index(s.getKey().get(i))));
        }
        ObjectNode one = series.putObject(String.join(":", idx));
        ArrayNode attrs = one.putArray("attributes");
        if (withUnit) {
          attrs.add(units.index(unit.apply(s.getValue().get(0).indicator())));
        }
        ObjectNode obs = one.putObject("observations");
        for (Observation o : s.getValue()) {
          ArrayNode a = obs.putArray(String.valueOf(time.index(o.period().toString())));
          if (Double.isNaN(o.value())) {
            a.addNull();
          } else {
            a.add(o.value());
          }
          SdmxFlags.Written flags = SdmxFlags.write(SdmxWriter.status(o), mapping);
          a.add(status.index(flags.status()));
          if (flags.flag().isEmpty()) {
            a.addNull();
          } else {
            a.add(flag.index(flags.flag()));
          }
        }
      }
    }
    ObjectNode structure = JSON.createObjectNode();
    structure.putArray("links").addObject().put("urn", flow.dsdUrn()).put("rel", "datastructure");
    structure.put("name", flow.nameEn());
    ObjectNode dimensions = structure.putObject("dimensions");
    dimensions.putArray("dataSet");
    ArrayNode seriesDims = dimensions.putArray("series");
    for (int i = 0; i < dims.size(); i++) {
      dims.get(i).json(seriesDims.addObject().put("keyPosition", i));
    }
    time.json(dimensions.putArray("observation").addObject().put("keyPosition", dims.size()))
        .put("role", "time");
    ObjectNode attributes = structure.putObject("attributes");
    attributes.putArray("dataSet");
    ArrayNode seriesAttrs = attributes.putArray("series");
    if (withUnit) {
      units.json(seriesAttrs.addObject());
    }
    ArrayNode obsAttrs = attributes.putArray("observation");
    status.json(obsAttrs.addObject());
    flag.json(obsAttrs.addObject());
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("meta");
    meta.put(
        "schema",
        v2
            ? "https://json.sdmx.org/2.0.0/sdmx-json-data-schema.json"
            : "https://json.sdmx.org/1.0/sdmx-json-data-schema.json");
    meta.put("id", "VIGIL-" + prepared.toEpochMilli());
    meta.put("prepared", prepared.toString());
    meta.put("test", false);
    meta.putObject("sender").put("id", flow.agency());
    links(meta, provenance);
    ObjectNode data = root.putObject("data");
    if (v2) {
      ArrayNode structures = data.putArray("structures");
      structures.add(structure);
      ArrayNode refs = structure.putArray("dataSets");
      for (int i = 0; i < dataSets.size(); i++) {
        refs.add(i);
      }
    } else {
      data.set("structure", structure);
    }
    data.set("dataSets", dataSets);
    JSON.writer()
        .withDefaultPrettyPrinter()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, root);
  }

  /**
   * The licence and citation as links with the registered relations "license" (RFC 4946) and
   * "cite-as" (RFC 8574); the text is the link's title, and a licence that is an address is also
   * its href.
   */
  private static void links(ObjectNode meta, Provenance provenance) {
    if (provenance.isEmpty()) {
      return;
    }
    ArrayNode links = meta.putArray("links");
    if (!provenance.licence().isEmpty()) {
      ObjectNode l = links.addObject().put("rel", LICENSE).put("title", provenance.licence());
      if (provenance.licence().startsWith("https://")) {
        l.put("href", provenance.licence());
      }
    }
    if (!provenance.citation().isEmpty()) {
      links.addObject().put("rel", CITE_AS).put("title", provenance.citation());
    }
  }

  /** The codes of one component in order of first use. */
  private static final class Codes {
    private final String id;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    Codes(String id) {
      this.id = id;
    }

    int index(String code) {
      return index.computeIfAbsent(code, c -> index.size());
    }

    ObjectNode json(ObjectNode o) {
      o.put("id", id);
      o.put("name", id);
      ArrayNode values = o.putArray("values");
      index.keySet().forEach(c -> values.addObject().put("id", c).put("name", c));
      return o;
    }
  }
}
