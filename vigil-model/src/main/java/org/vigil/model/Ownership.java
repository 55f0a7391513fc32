package org.vigil.model;

import java.util.Set;

/**
 * Who owns a record and who else may read it.
 *
 * @param owner the owning organisation's id
 * @param classification the sharing level
 * @param sharedWith organisations named for {@link Classification#RESTRICTED}; empty otherwise
 */
public record Ownership(String owner, Classification classification, Set<String> sharedWith) {
  public Ownership {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("Ownership needs an owner organisation, found blank");
    }
    if (classification == null) {
      throw new IllegalArgumentException("Ownership needs a classification, found null");
    }
    sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
    if (classification != Classification.RESTRICTED && !sharedWith.isEmpty()) {
      throw new IllegalArgumentException(
          "Only RESTRICTED records name organisations to share with; found "
              + classification
              + " with "
              + sharedWith);
    }
  }

  public static Ownership of(String owner, Classification classification) {
    return new Ownership(owner, classification, Set.of());
  }

  public static Ownership restricted(String owner, Set<String> sharedWith) {
    return new Ownership(owner, Classification.RESTRICTED, sharedWith);
  }

  /**
   * The more restrictive of two ownerships (NATIONAL, then RESTRICTED, SHARED, PUBLIC), for a
   * figure derived from records of both: null counts as no record yet; two RESTRICTED ownerships of
   * one owner share with the organisations both name.
   */
  public static Ownership stricter(Ownership a, Ownership b) {
    if (a == null) {
      return b;
    }
    // Classification is declared from the most to the least restrictive.
    int ca = a.classification().ordinal();
    int cb = b.classification().ordinal();
    if (ca != cb) {
      return ca < cb ? a : b;
    }
    if (a.classification() == Classification.RESTRICTED && a.owner().equals(b.owner())) {
      Set<String> both = new java.util.TreeSet<>(a.sharedWith());
      both.retainAll(b.sharedWith());
      return restricted(a.owner(), both);
    }
    return a;
  }
}
