package org.vigil.app.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.GroupMembership;
import org.vigil.model.Indicator;
import org.vigil.model.Organisation;
import org.vigil.model.ReferenceRepository;

/**
 * The reference data every Vigil database needs, demo or not: every ISO 3166-1 country (English and
 * Russian names from the JDK), the member states' regions (ISO 3166-2, {@link Subdivisions}), the
 * CIS and its memberships, the river basins, the councils and the secretariat, and the real
 * indicators (POPULATION, GDP_PPP, VIOLENT_DEATH_RATE, ...). Saves only what is missing, so it is
 * cheap to call on every start.
 */
public final class DemoReference {
  private DemoReference() {}

  /**
   * Adds whatever is missing.
   *
   * @return the number of records added
   */
  public static int ensure(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    ReferenceRepository ref = vigil.reference();
    int added = 0;
    Set<String> areas = ref.areas(sys).stream().map(Area::code).collect(Collectors.toSet());
    List<Area> wanted = new ArrayList<>(WorldAreas.countries());
    wanted.addAll(WorldAreas.groupsAndBasins());
    // After the states, so each region's parent is there first.
    wanted.addAll(Subdivisions.registry());
    for (Area a : wanted) {
      if (areas.add(a.code())) {
        ref.saveArea(sys, a);
        added++;
      }
    }
    Set<GroupMembership> memberships = new HashSet<>();
    for (String g :
        List.of("CIS", "CIS_ASSOCIATE", "AMU_DARYA", "SYR_DARYA", "IRTYSH", "KURA_ARAKS")) {
      memberships.addAll(ref.memberships(sys, g));
    }
    List<GroupMembership> wantedMemberships = new ArrayList<>(WorldAreas.memberships());
    wantedMemberships.addAll(WorldAreas.riparians());
    for (GroupMembership m : wantedMemberships) {
      if (!memberships.contains(m)) {
        ref.saveMembership(sys, m);
        added++;
      }
    }
    Set<String> orgs =
        ref.organisations(sys).stream().map(Organisation::id).collect(Collectors.toSet());
    for (Organisation o : DemoOrganisations.all()) {
      if (orgs.add(o.id())) {
        ref.saveOrganisation(sys, o);
        added++;
      }
    }
    added += ensureIndicators(vigil, DemoIndicators.real());
    return added;
  }

  /** Saves the areas that are missing (parents before children, as listed). */
  static int ensureAreas(Vigil vigil, List<Area> wanted) {
    AccessContext sys = AccessContext.system();
    Set<String> areas =
        vigil.reference().areas(sys).stream().map(Area::code).collect(Collectors.toSet());
    int added = 0;
    for (Area a : wanted) {
      if (areas.add(a.code())) {
        vigil.reference().saveArea(sys, a);
        added++;
      }
    }
    return added;
  }

  static int ensureIndicators(Vigil vigil, List<Indicator> indicators) {
    AccessContext sys = AccessContext.system();
    Set<String> known =
        vigil.reference().indicators(sys).stream().map(Indicator::code).collect(Collectors.toSet());
    int added = 0;
    for (Indicator i : indicators) {
      if (known.add(i.code())) {
        vigil.reference().saveIndicator(sys, i);
        added++;
      }
    }
    return added;
  }
}
