package org.vigil.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agreement by which one organisation lets another read its records of one classification in
 * some threat domains, beyond what the classification alone allows (for example a bilateral
 * agreement to share NATIONAL drug-trafficking statistics).
 *
 * @param grantor the organisation whose records are shared
 * @param grantee the organisation that may read them
 * @param classification the classification it covers (NATIONAL or RESTRICTED; SHARED and PUBLIC are
 *     readable by members anyway)
 * @param domains the threat domains it covers, at least one
 */
public record SharingAgreement(
    String grantor, String grantee, Classification classification, Set<ThreatDomain> domains) {
  public SharingAgreement {
    if (grantor == null || grantee == null || grantor.equals(grantee)) {
      throw new IllegalArgumentException(
          "A sharing agreement needs two different organisations, found "
              + grantor
              + " and "
              + grantee);
    }
    if (classification != Classification.NATIONAL && classification != Classification.RESTRICTED) {
      throw new IllegalArgumentException(
          "A sharing agreement covers NATIONAL or RESTRICTED records, found " + classification);
    }
    if (domains == null || domains.isEmpty()) {
      throw new IllegalArgumentException(
          "A sharing agreement names at least one threat domain; use allDomains() for all");
    }
    domains = Set.copyOf(domains);
  }

  public static Set<ThreatDomain> allDomains() {
    return EnumSet.allOf(ThreatDomain.class);
  }
}
