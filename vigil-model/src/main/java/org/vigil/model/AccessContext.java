package org.vigil.model;

/**
 * Who is asking: every repository call takes one, and the store decides from it what may be read or
 * written. The access policy lives here so the store, the API and the tests share one rule.
 *
 * @param user the user name ("anonymous" for public reads, "system" for internal jobs)
 * @param organisation the user's organisation id
 * @param role the user's role
 * @param memberOrganisation true when the organisation is a member (sees SHARED records)
 * @param origin where the call comes from, for the audit log (client address, "cli", "local")
 */
public record AccessContext(
    String user, String organisation, Role role, boolean memberOrganisation, String origin) {

  /** Organisation id used by internal jobs (migrations, demo loading). */
  public static final String SYSTEM_ORG = "SYSTEM";

  public AccessContext {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("AccessContext needs a user, found blank");
    }
    if (organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("AccessContext needs an organisation, found blank");
    }
    if (role == null) {
      throw new IllegalArgumentException("AccessContext needs a role, found null");
    }
    origin = origin == null || origin.isBlank() ? "local" : origin;
  }

  /** A context whose origin is "local" (in-process callers such as the CLI and jobs). */
  public AccessContext(String user, String organisation, Role role, boolean memberOrganisation) {
    this(user, organisation, role, memberOrganisation, "local");
  }

  /** The same caller, seen from another origin (the server sets the client address). */
  public AccessContext withOrigin(String newOrigin) {
    return new AccessContext(user, organisation, role, memberOrganisation, newOrigin);
  }

  /** A member organisation's user. */
  public static AccessContext of(String user, String organisation, Role role) {
    return new AccessContext(user, organisation, role, true);
  }

  /** An unauthenticated reader: sees PUBLIC records only and may write nothing. */
  public static AccessContext anonymous() {
    return new AccessContext("anonymous", "PUBLIC", Role.VIEWER, false);
  }

  /** Internal jobs: full access. Never handed to a request. */
  public static AccessContext system() {
    return new AccessContext("system", SYSTEM_ORG, Role.SYSTEM_ADMIN, true);
  }

  /**
   * An internal job acting in one organisation's name: it reads what that organisation's analysts
   * may read (its own data, and others' data as far as it is shared with it) and writes nothing.
   * What a job derives from a series (an alert) is computed in the series owner's context this way,
   * never in the evaluator's. Never handed to a request.
   */
  public static AccessContext job(String organisation) {
    return new AccessContext("system@" + organisation, organisation, Role.ANALYST, true);
  }

  public boolean isSystem() {
    return SYSTEM_ORG.equals(organisation) && role == Role.SYSTEM_ADMIN;
  }

  /**
   * The one read rule: the owner and internal jobs see everything they own; others see PUBLIC,
   * SHARED when they are a member, RESTRICTED when named. A system administrator of a member
   * organisation does not see other states' NATIONAL data: administration is not ownership.
   */
  public boolean canRead(Ownership o) {
    if (isSystem() || o.owner().equals(organisation)) {
      return true;
    }
    return switch (o.classification()) {
      case PUBLIC -> true;
      case SHARED -> memberOrganisation;
      case RESTRICTED -> memberOrganisation && o.sharedWith().contains(organisation);
      case NATIONAL -> false;
    };
  }

  /** Data may be written only by its owner's data stewards and admins (or internal jobs). */
  public boolean canWrite(Ownership o) {
    return isSystem() || (o.owner().equals(organisation) && role.canWriteData());
  }
}
