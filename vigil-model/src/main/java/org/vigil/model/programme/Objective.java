package org.vigil.model.programme;

/**
 * A programme objective.
 *
 * @param code unique within the programme ("O1")
 * @param titleEn English title
 * @param titleRu Russian title (the English one when none is given)
 * @param example true when the objective is an illustration, not the adopted text
 */
public record Objective(String code, String titleEn, String titleRu, boolean example) {
  public Objective {
    Validation.code("Objective", code);
    titleEn = Validation.text("Objective " + code + " English title", titleEn);
    titleRu = titleRu == null || titleRu.isBlank() ? titleEn : titleRu.strip();
  }
}
