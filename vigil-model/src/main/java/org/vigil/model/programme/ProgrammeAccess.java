package org.vigil.model.programme;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;

/**
 * Who may do what with a programme. Programme structure is public; implementation reports follow
 * their classification, narrowed to the programme: only the parties and the secretariat ever see a
 * NATIONAL or RESTRICTED report.
 *
 * <ul>
 *   <li>PUBLIC reports: anyone. SHARED: any member organisation.
 *   <li>NATIONAL: the owning party and the secretariat.
 *   <li>RESTRICTED: the owning party, the secretariat, and the organisations named on the report,
 *       which must belong to parties.
 *   <li>Reports are filed by a party's own organisation (data stewards, coordinators, admins).
 *   <li>Parties and the secretariat draft revisions (analysts and up); programme coordinators of a
 *       party or of the secretariat decide on them.
 *   <li>An amendment that adds, removes or changes a KPI or a measure of another party than the
 *       drafter's needs that party's approval or the secretariat's: a coordinator of a party it
 *       does not concern may not approve it, and it takes effect when the last party concerned
 *       approves (or when the secretariat does). A KPI concerns the party that is its area; a joint
 *       KPI (its area a group such as CIS, or any area that is not one party) concerns every party.
 *       A measure concerns its lead and participating states that are parties, every party when it
 *       names none. Changes that concern only the drafter's own party, and a programme's first
 *       version, follow the ordinary rule.
 * </ul>
 *
 * @param ctx the caller
 * @param organisation the caller's organisation, empty when unknown (anonymous)
 */
public record ProgrammeAccess(AccessContext ctx, Optional<Organisation> organisation) {

  public ProgrammeAccess {
    if (ctx == null || organisation == null) {
      throw new IllegalArgumentException("ProgrammeAccess needs a context and an organisation");
    }
  }

  /** True when the caller's organisation is the secretariat. */
  public boolean secretariat() {
    return ctx.memberOrganisation() && organisation.map(Organisation::secretariat).orElse(false);
  }

  /** True when the caller's organisation belongs to a party of the programme. */
  public boolean party(Programme p) {
    return ctx.memberOrganisation() && organisation.map(o -> p.isParty(o.area())).orElse(false);
  }

  public boolean canReadReport(Programme p, ImplementationReport r) {
    if (ctx.isSystem()) {
      return true;
    }
    Ownership o = r.ownership();
    return switch (o.classification()) {
      case PUBLIC -> true;
      case SHARED -> ctx.memberOrganisation();
      case NATIONAL -> owns(o) || secretariat();
      case RESTRICTED ->
          owns(o) || secretariat() || (party(p) && o.sharedWith().contains(ctx.organisation()));
    };
  }

  /** Throws unless the caller may file this report; the message says what is missing. */
  public void checkFile(Programme p, ImplementationReport r, Optional<Organisation> owner) {
    if (ctx.isSystem()) {
      return;
    }
    if (!owns(r.ownership())) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " of "
              + ctx.organisation()
              + " may not file a report owned by "
              + r.ownership().owner()
              + ": reports are filed by the party's own organisation");
    }
    if (!(ctx.role().canWriteData() || ctx.role() == Role.PROGRAMME_COORDINATOR)) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " has role "
              + ctx.role()
              + ": filing a report needs DATA_STEWARD,"
              + " PROGRAMME_COORDINATOR or ORG_ADMIN");
    }
    String area = owner.map(Organisation::area).orElse("");
    if (!area.equals(r.party()) || !p.isParty(area)) {
      throw new org.vigil.model.AccessDeniedException(
          "Organisation "
              + ctx.organisation()
              + " (area '"
              + area
              + "') may not report for "
              + r.party()
              + " on "
              + p.code()
              + ": expected a party's own organisation, parties are "
              + p.parties());
    }
  }

  /** Throws unless the caller may draft a revision. */
  public void checkDraft(Programme p) {
    if (ctx.isSystem()) {
      return;
    }
    if (!(party(p) || secretariat()) || ctx.role().compareTo(Role.ANALYST) < 0) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " of "
              + ctx.organisation()
              + " ("
              + ctx.role()
              + ") may not draft a"
              + " revision of "
              + p.code()
              + ": needs an analyst or above of a party or of the"
              + " secretariat");
    }
  }

  /** Throws unless the caller may approve or reject a revision. */
  public void checkDecide(Programme p) {
    if (ctx.isSystem()) {
      return;
    }
    if (!(party(p) || secretariat()) || ctx.role() != Role.PROGRAMME_COORDINATOR) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " of "
              + ctx.organisation()
              + " ("
              + ctx.role()
              + ") may not decide on a"
              + " revision of "
              + p.code()
              + ": needs a PROGRAMME_COORDINATOR of a party or of the"
              + " secretariat");
    }
  }

  /**
   * The parties whose approval an amendment drafted by this caller needs: every party concerned by
   * a KPI or measure the draft adds, removes or changes relative to the version in force (a joint
   * KPI concerns them all), except the caller's own party. None for a first version.
   *
   * @param inForce the version the draft is made from, empty for a new programme
   * @param draft the drafted programme
   */
  public List<String> consentRequired(Optional<Programme> inForce, Programme draft) {
    if (inForce.isEmpty()) {
      return List.of();
    }
    Set<String> parties = partiesConcerned(inForce.get(), draft);
    if (ctx.memberOrganisation()) {
      organisation.map(Organisation::area).ifPresent(parties::remove);
    }
    return List.copyOf(parties);
  }

  /**
   * The parties concerned by a KPI or measure that one version has and the other lacks or holds
   * differently (see the class comment: a joint KPI, or a measure naming no party, concerns every
   * party).
   */
  static Set<String> partiesConcerned(Programme before, Programme after) {
    Set<String> out = new TreeSet<>();
    for (Kpi k : before.kpis()) {
      Optional<Kpi> now = after.kpi(k.code());
      if (now.isEmpty() || !now.get().equals(k)) {
        out.addAll(concerned(before, List.of(k.area())));
        now.ifPresent(n -> out.addAll(concerned(after, List.of(n.area()))));
      }
    }
    for (Kpi k : after.kpis()) {
      if (before.kpi(k.code()).isEmpty()) {
        out.addAll(concerned(after, List.of(k.area())));
      }
    }
    java.util.Map<String, Measure> was = new java.util.HashMap<>();
    before.measures().forEach(m -> was.put(m.code(), m));
    java.util.Map<String, Measure> is = new java.util.HashMap<>();
    after.measures().forEach(m -> is.put(m.code(), m));
    for (Measure m : before.measures()) {
      Measure now = is.get(m.code());
      if (now == null || !now.equals(m)) {
        out.addAll(concerned(before, m.states()));
        if (now != null) {
          out.addAll(concerned(after, now.states()));
        }
      }
    }
    for (Measure m : after.measures()) {
      if (!was.containsKey(m.code())) {
        out.addAll(concerned(after, m.states()));
      }
    }
    return out;
  }

  /** The parties among the areas; every party when none of them is one (a joint KPI or measure). */
  private static Set<String> concerned(Programme p, List<String> areas) {
    Set<String> out = new TreeSet<>();
    for (String a : areas) {
      if (p.isParty(a)) {
        out.add(a);
      }
    }
    if (out.isEmpty()) {
      out.addAll(p.parties());
    }
    return out;
  }

  /**
   * What an approval by this caller does.
   *
   * @param consentOf the party whose approval the caller gives, when the draft awaits it
   * @param takesEffect true when the draft is then approved and in force, false when other parties
   *     are still awaited
   */
  public record Approval(Optional<String> consentOf, boolean takesEffect) {}

  /**
   * Throws unless the caller may approve the draft: a coordinator of a party or of the secretariat
   * and, while the draft awaits other parties' approval, a coordinator of one of those parties or
   * of the secretariat.
   */
  public Approval checkApprove(Programme governing, ProgrammeRevision draft) {
    checkDecide(governing);
    List<String> awaiting = draft.awaitingConsentOf();
    if (ctx.isSystem() || secretariat() || awaiting.isEmpty()) {
      return new Approval(Optional.empty(), true);
    }
    String own = organisation.map(Organisation::area).orElse("");
    if (!awaiting.contains(own)) {
      throw new org.vigil.model.AccessDeniedException(
          ctx.user()
              + " of "
              + ctx.organisation()
              + " may not approve "
              + draft.programme()
              + " v"
              + draft.version()
              + ": it changes KPIs or measures of "
              + String.join(", ", draft.consentRequired())
              + ", so it needs the approval of a PROGRAMME_COORDINATOR of each of them or of the"
              + " secretariat; still awaiting "
              + String.join(", ", awaiting));
    }
    return new Approval(Optional.of(own), awaiting.size() == 1);
  }

  private boolean owns(Ownership o) {
    return o.owner().equals(ctx.organisation()) && ctx.memberOrganisation();
  }

  /** True for classifications only parties and the secretariat may see. */
  public static boolean confidential(Classification c) {
    return c == Classification.NATIONAL || c == Classification.RESTRICTED;
  }
}
