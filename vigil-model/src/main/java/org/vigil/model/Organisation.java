package org.vigil.model;

/**
 * A tenant: a member state's security council or the Commonwealth's secretariat.
 *
 * @param id short upper-case id (for example "RUS-SC" or "SECRETARIAT")
 * @param nameEn English name
 * @param nameRu Russian name
 * @param area the state it belongs to, or the group it serves (CIS for the secretariat)
 * @param secretariat true for the secretariat, which sees programme reports of all parties
 */
public record Organisation(
    String id, String nameEn, String nameRu, String area, boolean secretariat) {
  public Organisation {
    if (id == null || !id.matches("[A-Z0-9_-]{2,32}")) {
      throw new IllegalArgumentException(
          "Organisation id must be 2-32 upper-case letters, digits, '_' or '-', found '"
              + id
              + "'");
    }
  }
}
