package org.vigil.analytics.programme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.Programme;
import org.vigil.timeseries.Period;

/**
 * Who must report what by when. Each party involved in a measure reports on it for every reporting
 * period (the programme's reporting frequency) that overlaps the measure's span; a report is due
 * {@link #GRACE_DAYS} days after the period ends. Pure and thread-safe.
 */
public final class ReportingSchedule {
  /** Days after a period's end by which its report is due. */
  public static final int GRACE_DAYS = 30;

  private ReportingSchedule() {}

  /** Every reporting duty of the programme and where it stands on {@code asOf}. */
  public static List<Obligation> obligations(
      Programme p, List<ImplementationReport> reports, LocalDate asOf) {
    Map<String, LocalDate> firstSubmitted = firstSubmissions(reports);
    List<Obligation> out = new ArrayList<>();
    Period first = Period.containing(p.start(), p.reporting());
    Period last = Period.containing(p.end(), p.reporting());
    for (Measure m : p.measures()) {
      for (Period per = first; per.compareTo(last) <= 0; per = per.plus(1)) {
        if (per.end().isBefore(m.start()) || per.start().isAfter(m.deadline())) {
          continue;
        }
        for (String party : m.states()) {
          LocalDate due = per.end().plusDays(GRACE_DAYS);
          LocalDate sub = firstSubmitted.getOrDefault(key(m.code(), party, per), LocalDate.MAX);
          out.add(new Obligation(m.code(), party, per, due, state(due, sub, asOf), sub));
        }
      }
    }
    return out;
  }

  /** Duties not yet met whose period has ended: overdue ones first, then by due date. */
  public static List<Obligation> reminders(
      Programme p, List<ImplementationReport> reports, LocalDate asOf) {
    return obligations(p, reports, asOf).stream()
        .filter(
            o ->
                o.state() == Obligation.State.MISSING
                    || (o.state() == Obligation.State.UPCOMING && o.period().end().isBefore(asOf)))
        .sorted(
            Comparator.comparing((Obligation o) -> o.state() != Obligation.State.MISSING)
                .thenComparing(Obligation::due)
                .thenComparing(Obligation::party)
                .thenComparing(Obligation::measure))
        .toList();
  }

  private static Obligation.State state(LocalDate due, LocalDate submitted, LocalDate asOf) {
    if (!submitted.isAfter(asOf)) {
      return submitted.isAfter(due) ? Obligation.State.LATE : Obligation.State.ON_TIME;
    }
    return asOf.isAfter(due) ? Obligation.State.MISSING : Obligation.State.UPCOMING;
  }

  private static Map<String, LocalDate> firstSubmissions(List<ImplementationReport> reports) {
    Map<String, LocalDate> first = new LinkedHashMap<>();
    for (ImplementationReport r : reports) {
      LocalDate day = r.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
      first.merge(key(r.measure(), r.party(), r.period()), day, (a, b) -> a.isBefore(b) ? a : b);
    }
    return first;
  }

  private static String key(String measure, String party, Period period) {
    return measure + "|" + party + "|" + period;
  }
}
