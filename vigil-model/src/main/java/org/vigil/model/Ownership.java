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
}
