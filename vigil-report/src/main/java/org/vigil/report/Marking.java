package org.vigil.report;

import java.util.List;
import org.vigil.model.Area;

/**
 * The classification and distribution line printed at the top of a report and on every page: the
 * report is for official use, who prepared it, and whose data it may show (so a reader knows whose
 * consent passing it on needs).
 *
 * @param preparedBy the login of the user who made the report, blank when unknown
 * @param organisation the code of the user's organisation, blank when unknown
 * @param dataOf the states whose data the report may show, in the order printed
 */
public record Marking(String preparedBy, String organisation, List<Area> dataOf) {

  /** A report whose maker is not recorded (tests, previews). */
  public static final Marking UNATTRIBUTED = new Marking("", "", List.of());

  public Marking {
    preparedBy = preparedBy == null ? "" : preparedBy.trim();
    organisation = organisation == null ? "" : organisation.trim();
    dataOf = dataOf == null ? List.of() : List.copyOf(dataOf);
  }
}
