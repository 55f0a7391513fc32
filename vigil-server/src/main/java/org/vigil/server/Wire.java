package org.vigil.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.model.Area;
import org.vigil.model.DemoSource;
import org.vigil.model.Document;
import org.vigil.model.Event;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;

/**
 * JSON shapes of domain records where the wire differs from the record (periods as text, NaN as
 * null, ownership flattened). Field names are the OpenAPI schema's.
 */
final class Wire {
  private Wire() {}

  static Map<String, Object> area(Area a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", a.code());
    m.put("kind", a.kind().name());
    m.put("nameEn", a.nameEn());
    m.put("nameRu", a.nameRu());
    m.put("iso2", a.iso2());
    m.put("numeric", a.numeric());
    m.put("parent", a.parent().isEmpty() ? null : a.parent());
    m.put("level", a.level());
    m.put("synthetic", a.synthetic());
    m.put("nameRuFallback", a.nameRuFallback());
    return m;
  }

  static Map<String, Object> indicator(Indicator i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", i.code());
    m.put("nameEn", i.nameEn());
    m.put("nameRu", i.nameRu());
    m.put("domain", i.domain().name());
    m.put("unit", i.unit());
    m.put("frequency", i.frequency().name());
    m.put("iccsCode", i.iccsCode());
    m.put("polarity", i.polarity().name());
    m.put("aggregation", i.aggregation().name());
    m.put("source", i.source());
    m.put("synthetic", i.synthetic());
    return m;
  }

  static Map<String, Object> organisation(Organisation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("nameEn", o.nameEn());
    m.put("nameRu", o.nameRu());
    m.put("area", o.area());
    m.put("secretariat", o.secretariat());
    return m;
  }

  static Map<String, Object> observation(Observation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", o.period().toString());
    m.put("value", Double.isNaN(o.value()) ? null : o.value());
    m.put("flags", o.flags());
    m.put("source", o.source());
    m.put("recordedAt", o.recordedAt());
    m.put("batch", o.batch());
    ownership(m, o.ownership());
    return m;
  }

  static Map<String, Object> event(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("date", e.date().toString());
    m.put("area", e.area());
    m.put("latitude", Double.isNaN(e.latitude()) ? null : e.latitude());
    m.put("longitude", Double.isNaN(e.longitude()) ? null : e.longitude());
    m.put("ploverCategory", e.ploverCategory());
    m.put("contexts", e.contexts());
    m.put("actorTypes", e.actorTypes());
    m.put("fatalities", e.fatalities());
    m.put("domain", e.domain() == null ? null : e.domain().name());
    m.put("summary", e.summary());
    source(m, e.source());
    ownership(m, e.ownership());
    return m;
  }

  static Map<String, Object> document(Document d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    source(m, d.source());
    m.put("url", d.url());
    m.put("language", d.language());
    m.put("published", d.published().toString());
    m.put("title", d.title());
    m.put("text", d.text());
    m.put("domains", d.domains().stream().map(Enum::name).sorted().toList());
    m.put("areas", d.areas().stream().sorted().toList());
    ownership(m, d.ownership());
    return m;
  }

  /**
   * The source as stored, whether it names itself synthetic, and the message key of its label when
   * the demo generator wrote it (null for a real source, whose name is shown as it is).
   */
  static void source(Map<String, Object> m, String source) {
    m.put("source", source);
    m.put("sourceKey", DemoSource.of(source).map(DemoSource::labelKey).orElse(null));
    m.put("synthetic", DemoSource.synthetic(source));
  }

  private static void ownership(Map<String, Object> m, Ownership o) {
    m.put("owner", o.owner());
    m.put("classification", o.classification().name());
  }
}
