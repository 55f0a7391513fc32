package org.vigil.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * How values are written in columns: lists as {@code ,A,B,} (so membership is a POSITION test on
 * both databases) and periods as {@code 2024}, {@code 2024-03}, {@code 2024-Q1}. The period codes
 * are formatted and parsed by hand because ingest handles millions of them.
 */
final class Codes {
  private Codes() {}

  static String list(Collection<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(",");
    for (String s : new TreeSet<>(items)) {
      if (s.indexOf(',') >= 0) {
        throw new IllegalArgumentException("List item must not contain ',', found '" + s + "'");
      }
      b.append(s).append(',');
    }
    return b.toString();
  }

  static List<String> parseList(String stored) {
    List<String> out = new ArrayList<>();
    if (stored == null) {
      return out;
    }
    for (String s : stored.split(",", -1)) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static Set<String> parseSet(String stored) {
    return Set.copyOf(parseList(stored));
  }

  /** Needle for POSITION(needle IN column) > 0 against a stored list. */
  static String member(String item) {
    return "," + item + ",";
  }

  static String period(Period p) {
    if (p.frequency().subMonthly()) {
      return p.toString();
    }
    char[] c;
    int y = p.year();
    switch (p.frequency()) {
      case YEARLY -> c = new char[4];
      case MONTHLY -> {
        c = new char[7];
        c[4] = '-';
        c[5] = (char) ('0' + p.sub() / 10);
        c[6] = (char) ('0' + p.sub() % 10);
      }
      default -> {
        c = new char[7];
        c[4] = '-';
        c[5] = 'Q';
        c[6] = (char) ('0' + p.sub());
      }
    }
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    return new String(c);
  }

  static Period period(String code) {
    int y = digits(code, 0, 4);
    if (code.length() == 4) {
      return new Period(Frequency.YEARLY, y, 1);
    }
    if (code.length() == 7 && code.charAt(4) == '-') {
      if (code.charAt(5) == 'Q') {
        return new Period(Frequency.QUARTERLY, y, code.charAt(6) - '0');
      }
      return new Period(Frequency.MONTHLY, y, digits(code, 5, 7));
    }
    return Period.parse(code);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new IllegalArgumentException("Stored period code '" + s + "' is malformed");
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
