package org.vigil.model;

import java.util.List;

/**
 * Sharing agreements between organisations. The store's read rule consults them on every read. Only
 * the grantor's organisation admin (or a system admin) may make or end an agreement.
 */
public interface SharingRepository {

  /** Makes (or widens) an agreement: the grantee may read the listed domains. */
  void grant(AccessContext ctx, SharingAgreement agreement);

  /** Ends the grantee's access to the grantor's records of one classification (all domains). */
  void revoke(AccessContext ctx, String grantor, String grantee, Classification classification);

  /** Agreements in which ctx's organisation is grantor or grantee (all for system admins). */
  List<SharingAgreement> agreements(AccessContext ctx);
}
