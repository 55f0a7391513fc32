package org.vigil.app.exchange;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.app.Vigil;
import org.vigil.ingest.Provenance;
import org.vigil.ingest.SdmxDataflow;
import org.vigil.ingest.SdmxMapping;
import org.vigil.ingest.SdmxWriter;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;

/**
 * Series out of Vigil for exchange: the observations a caller may read for a {@link
 * SeriesSelection} (through the same access-checked, audited repository reads as the series API),
 * written as SDMX. Used by {@code vigil export} and the SDMX REST routes alike.
 */
public final class ExchangeService {
  private final Vigil vigil;

  public ExchangeService(Vigil vigil) {
    this.vigil = vigil;
  }

  /** The caller's readable indicators by code, in the reference order. */
  public Map<String, Indicator> indicators(AccessContext ctx) {
    Map<String, Indicator> out = new LinkedHashMap<>();
    for (Indicator i : vigil.reference().indicators(ctx)) {
      out.putIfAbsent(i.code(), i);
    }
    return out;
  }

  /**
   * The selected observations, by indicator, area, period, then vintage (oldest first).
   *
   * @throws NotFoundException when a named indicator is unknown to the caller
   */
  public List<Observation> select(AccessContext ctx, SeriesSelection s) {
    Map<String, Indicator> known = indicators(ctx);
    List<String> codes = s.indicators().isEmpty() ? List.copyOf(known.keySet()) : s.indicators();
    List<Observation> out = new ArrayList<>();
    for (String code : codes) {
      if (!known.containsKey(code)) {
        throw new NotFoundException(
            "Unknown indicator '" + code + "'; list them with: vigil indicators");
      }
      List<Observation> rows =
          s.vintages()
              ? vigil.observations().history(ctx, code, s.asOf())
              : vigil.observations().latestByIndicator(ctx, code, s.asOf());
      for (Observation o : rows) {
        if ((s.areas().isEmpty() || s.areas().contains(o.area())) && s.covers(o.period())) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** A writer for a flow with the caller's indicators and the bundled mapping. */
  public SdmxWriter writer(AccessContext ctx, SdmxDataflow flow) {
    return new SdmxWriter(flow, indicators(ctx), SdmxMapping.bundled());
  }

  /** Selects and writes in one step; returns the number of observations written. */
  public int export(
      AccessContext ctx,
      SeriesSelection s,
      SdmxDataflow flow,
      SdmxWriter.Format format,
      Writer out) {
    List<Observation> rows = select(ctx, s);
    SdmxWriter w = writer(ctx, flow);
    w.write(rows, s.vintages(), format, vigil.clock().instant(), provenance(rows), out);
    return w.countWritable(rows);
  }

  /**
   * The licence and citation of the batches the rows come from. The caller has read the rows, so
   * knowing under which licence they were published discloses nothing more; the batch list itself
   * (who loaded what) stays with administrators, hence the internal read of licence and citation
   * only.
   */
  Provenance provenance(List<Observation> rows) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(o -> ids.add(o.batch()));
    List<Provenance> found = new ArrayList<>();
    List<IngestBatch> batches =
        new ArrayList<>(vigil.observations().batches(AccessContext.system()));
    batches.sort(Comparator.comparingLong(IngestBatch::id));
    for (IngestBatch b : batches) {
      if (ids.contains(b.id())) {
        found.add(new Provenance(b.licence(), b.citation()));
      }
    }
    return Provenance.merge(found);
  }
}
