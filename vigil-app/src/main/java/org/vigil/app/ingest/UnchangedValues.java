package org.vigil.app.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Observation;

/**
 * Which values of an ingest the owner's series already holds, so that re-ingesting them adds no
 * vintage. A value is unchanged when the latest vintage of the same indicator, area, period and
 * owner has the same value and flags (the source named in the file does not count: an SDMX file
 * names itself, so a re-import under another file name would otherwise be a revision); with {@link
 * IngestRequest#reclassify} the classification and the organisations shared with must match too.
 * From a file with vintages, a value is also unchanged when the owner's series holds it as the
 * vintage recorded at the time the file names (the file was exported from this store). Reads go
 * through the caller's audited reads; values the caller may not read are never treated as known.
 * Not thread-safe: one per ingest.
 */
final class UnchangedValues {
  private final Vigil vigil;
  private final AccessContext ctx;
  private final IngestRequest request;
  private final Map<String, Observation> latest = new HashMap<>();
  private final Set<String> loaded = new HashSet<>();

  UnchangedValues(Vigil vigil, AccessContext ctx, IngestRequest request) {
    this.vigil = vigil;
    this.ctx = ctx;
    this.request = request;
  }

  /**
   * The observations to store: those neither equal to the owner's latest vintage nor, by key and
   * vintage time, found in {@code everyVintage}.
   */
  List<Observation> drop(List<Observation> observations, Map<String, Observation> everyVintage) {
    load(observations);
    List<Observation> out = new ArrayList<>();
    for (Observation o : observations) {
      Observation same = everyVintage.get(key(o) + "@" + o.recordedAt());
      if (same != null && sameValue(o, same)) {
        continue;
      }
      Observation last = latest.get(key(o));
      if (last == null || !sameValue(o, last) || (request.reclassify() && !sameSharing(o, last))) {
        out.add(o);
      }
    }
    return out;
  }

  /** Every stored vintage of the owner's series these observations belong to, by key and time. */
  Map<String, Observation> everyVintage(Collection<Observation> observations) {
    Map<String, Observation> out = new HashMap<>();
    for (String indicator : indicators(observations)) {
      for (Observation o : vigil.observations().history(ctx, indicator, Instant.MAX)) {
        if (o.ownership().owner().equals(request.owner())) {
          out.put(key(o) + "@" + o.recordedAt(), o);
        }
      }
    }
    return out;
  }

  /** Records what was just stored as the latest vintage. */
  void stored(Collection<Observation> observations) {
    for (Observation o : observations) {
      latest.put(key(o), o);
    }
  }

  private void load(Collection<Observation> observations) {
    for (String indicator : indicators(observations)) {
      if (loaded.add(indicator)) {
        for (Observation o :
            vigil.observations().latestByIndicatorOfEveryOwner(ctx, indicator, Instant.MAX)) {
          if (o.ownership().owner().equals(request.owner())) {
            latest.put(key(o), o);
          }
        }
      }
    }
  }

  private static Set<String> indicators(Collection<Observation> observations) {
    Set<String> out = new HashSet<>();
    observations.forEach(o -> out.add(o.indicator()));
    return out;
  }

  private static String key(Observation o) {
    return o.indicator() + "|" + o.area() + "|" + o.period() + "|" + o.ownership().owner();
  }

  private static boolean sameValue(Observation a, Observation b) {
    boolean value = Double.isNaN(a.value()) ? Double.isNaN(b.value()) : a.value() == b.value();
    return value && a.flags().equals(b.flags());
  }

  private static boolean sameSharing(Observation a, Observation b) {
    return a.ownership().classification() == b.ownership().classification()
        && Objects.equals(a.ownership().sharedWith(), b.ownership().sharedWith());
  }
}
