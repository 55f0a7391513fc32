package org.vigil.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vigil.model.AccessContext;
import org.vigil.model.Observation;

/**
 * Which owner's series a read without an owner returns for an area. Values of one indicator and
 * area reported by different organisations are different series; a caller that asks for "the"
 * series of an area gets one of them, chosen the same way for everyone who can read it: the area's
 * own organisation, else the caller's organisation, else the first owner by id. The others stay
 * readable by owner ({@code ObservationRepository#series(ctx, indicator, area, owner, asOf)}).
 */
final class SeriesOwners {
  private SeriesOwners() {}

  /**
   * Keeps, per area, the rows of the chosen owner; the order of {@code latest} is preserved.
   *
   * @param latest latest vintages per (area, period, owner) that ctx may read
   * @param homes each area's own organisation, by area code
   */
  static List<Observation> primary(
      List<Observation> latest, Map<String, String> homes, AccessContext ctx) {
    Map<String, TreeSet<String>> ownersByArea = new LinkedHashMap<>();
    for (Observation o : latest) {
      ownersByArea.computeIfAbsent(o.area(), a -> new TreeSet<>()).add(o.ownership().owner());
    }
    if (ownersByArea.values().stream().allMatch(s -> s.size() == 1)) {
      return latest;
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    ownersByArea.forEach((area, owners) -> chosen.put(area, choose(owners, homes.get(area), ctx)));
    List<Observation> out = new ArrayList<>();
    for (Observation o : latest) {
      if (o.ownership().owner().equals(chosen.get(o.area()))) {
        out.add(o);
      }
    }
    return out;
  }

  private static String choose(TreeSet<String> owners, String home, AccessContext ctx) {
    if (home != null && owners.contains(home)) {
      return home;
    }
    if (owners.contains(ctx.organisation())) {
      return ctx.organisation();
    }
    return owners.first();
  }
}
