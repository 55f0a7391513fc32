package org.vigil.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Areas, groupings, organisations and indicators: reference data, readable by anyone, written by
 * system administrators and internal jobs only.
 */
public interface ReferenceRepository {
  List<Area> areas(AccessContext ctx);

  Optional<Area> area(AccessContext ctx, String code);

  /** Members of a group on a date. */
  List<String> members(AccessContext ctx, String group, LocalDate on);

  List<GroupMembership> memberships(AccessContext ctx, String group);

  List<Organisation> organisations(AccessContext ctx);

  Optional<Organisation> organisation(AccessContext ctx, String id);

  List<Indicator> indicators(AccessContext ctx);

  Optional<Indicator> indicator(AccessContext ctx, String code);

  /**
   * The indicator {@code code}, for callers that cannot go on without it.
   *
   * @throws NotFoundException naming the code and the command that lists the known ones
   */
  default Indicator knownIndicator(AccessContext ctx, String code) {
    return indicator(ctx, code)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Unknown indicator '" + code + "': list them with ./vigil indicators"));
  }

  void saveArea(AccessContext ctx, Area area);

  void saveMembership(AccessContext ctx, GroupMembership membership);

  void saveOrganisation(AccessContext ctx, Organisation organisation);

  void saveIndicator(AccessContext ctx, Indicator indicator);
}
