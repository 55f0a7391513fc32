package org.vigil.text.search;

import java.util.List;
import org.vigil.model.AccessContext;
import org.vigil.model.text.ReadGrant;

/**
 * The read rule as an index filter: own texts, PUBLIC, for member organisations SHARED and the
 * RESTRICTED texts that list them, and what sharing agreements grant. The store checks every hit
 * again before anything is shown.
 */
public record Access(
    boolean everything, String organisation, boolean member, List<ReadGrant> grants) {
  public static Access of(AccessContext ctx, List<ReadGrant> grants) {
    return new Access(
        ctx.isSystem(), ctx.organisation(), ctx.memberOrganisation(), List.copyOf(grants));
  }
}
