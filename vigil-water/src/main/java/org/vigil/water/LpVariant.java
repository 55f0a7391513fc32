package org.vigil.water;

import java.util.Map;
import java.util.Set;

/**
 * Changes to the programme as the basin states it: bounds replaced (relief), groups made elastic
 * (explaining infeasibility) or dropped (the deletion filter).
 *
 * @param bounds replaced bounds, per constraint
 * @param elastic groups ({@link ConstraintRef#group()}) whose constraints get a slack variable
 * @param dropped groups left out
 */
record LpVariant(
    Map<ConstraintRef, Double> bounds, Set<ConstraintRef> elastic, Set<ConstraintRef> dropped) {
  static final LpVariant AS_STATED = new LpVariant(Map.of(), Set.of(), Set.of());

  LpVariant {
    bounds = Map.copyOf(bounds);
    elastic = Set.copyOf(elastic);
    dropped = Set.copyOf(dropped);
  }

  static LpVariant withBound(ConstraintRef ref, double bound) {
    return new LpVariant(Map.of(ref, bound), Set.of(), Set.of());
  }

  static LpVariant elastic(Set<ConstraintRef> groups) {
    return new LpVariant(Map.of(), groups, Set.of());
  }

  static LpVariant dropping(Set<ConstraintRef> groups) {
    return new LpVariant(Map.of(), Set.of(), groups);
  }

  double bound(ConstraintRef ref, double stated) {
    return bounds.getOrDefault(ref, stated);
  }

  boolean isElastic(ConstraintRef ref) {
    return elastic.contains(ref.group());
  }

  boolean isDropped(ConstraintRef ref) {
    return dropped.contains(ref.group());
  }
}
