package org.vigil.model.programme;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a programme, field by field. Both versions are flattened
 * into paths such as {@code kpis[K1].target} (list entries keyed by their code, so reordering is
 * not a change) and compared; a whole objective, measure or KPI that appears or disappears is one
 * change.
 *
 * @param from the older version number
 * @param to the newer version number
 * @param changes the changes, in document order
 */
public record ProgrammeDiff(int from, int to, List<Change> changes) {

  /** How a path changed. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One change.
   *
   * @param kind added, removed or changed
   * @param path where, e.g. {@code kpis[K1].target}
   * @param before the old value ("" when added)
   * @param after the new value ("" when removed)
   */
  public record Change(Kind kind, String path, String before, String after) {
    @Override
    public String toString() {
      return switch (kind) {
        case ADDED -> "+ " + path + ": " + after;
        case REMOVED -> "- " + path + ": " + before;
        case CHANGED -> "~ " + path + ": " + before + " -> " + after;
      };
    }
  }

  public ProgrammeDiff {
    changes = List.copyOf(changes);
  }

  /** The changes from {@code older} to {@code newer}. */
  public static ProgrammeDiff between(ProgrammeRevision older, ProgrammeRevision newer) {
    return new ProgrammeDiff(
        older.version(), newer.version(), compare(older.content(), newer.content()));
  }

  /** The changes from one programme document to another. */
  public static List<Change> compare(Programme a, Programme b) {
    Flat fa = new Flat();
    Flat fb = new Flat();
    fa.walk("", a);
    fb.walk("", b);
    List<Change> out = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>(fa.values.keySet());
    paths.addAll(fb.values.keySet());
    for (String p : paths) {
      if (underEntryOnlyIn(p, fa, fb) || underEntryOnlyIn(p, fb, fa)) {
        continue;
      }
      String va = fa.values.get(p);
      String vb = fb.values.get(p);
      if (va != null && vb != null && !va.equals(vb)) {
        out.add(new Change(Kind.CHANGED, p, va, vb));
      }
    }
    for (String e : fa.entries.keySet()) {
      if (!fb.entries.containsKey(e)) {
        out.add(new Change(Kind.REMOVED, e, fa.entries.get(e), ""));
      }
    }
    for (String e : fb.entries.keySet()) {
      if (!fa.entries.containsKey(e)) {
        out.add(new Change(Kind.ADDED, e, "", fb.entries.get(e)));
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** One line per change, "~ path: old -> new". */
  public String render() {
    if (changes.isEmpty()) {
      return "v" + from + " -> v" + to + ": no changes\n";
    }
    StringBuilder sb = new StringBuilder("v" + from + " -> v" + to + ":\n");
    changes.forEach(c -> sb.append(c).append('\n'));
    return sb.toString();
  }

  private static boolean underEntryOnlyIn(String path, Flat in, Flat notIn) {
    for (String e : in.entries.keySet()) {
      if (path.startsWith(e + ".") && !notIn.entries.containsKey(e)) {
        return true;
      }
    }
    return false;
  }

  /** Flattens records into path -> text, keyed list entries by their code. */
  private static final class Flat {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> entries = new LinkedHashMap<>();

    void walk(String path, Object value) {
      if (value instanceof Record r && r.getClass().getPackage() == Programme.class.getPackage()) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          walk(path.isEmpty() ? c.getName() : path + "." + c.getName(), read(r, c));
        }
      } else if (value instanceof List<?> list
          && !list.isEmpty()
          && list.get(0) instanceof Record) {
        for (Object o : list) {
          String entry = path + "[" + codeOf((Record) o) + "]";
          entries.put(entry, titleOf((Record) o));
          walk(entry, o);
        }
      } else {
        values.put(path, text(value));
      }
    }

    private static Object read(Record r, RecordComponent c) {
      try {
        return c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + c.getName() + " of " + r, e);
      }
    }

    private static String codeOf(Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getName().equals("code")) {
          return String.valueOf(read(r, c));
        }
      }
      return String.valueOf(r.hashCode());
    }

    private static String titleOf(Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getName().equals("titleEn") || c.getName().equals("nameEn")) {
          return String.valueOf(read(r, c));
        }
      }
      return r.toString();
    }

    private static String text(Object value) {
      if (value instanceof Double d) {
        return d.isNaN() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      }
      if (value instanceof List<?> list) {
        return String.join(", ", list.stream().map(String::valueOf).toList());
      }
      return String.valueOf(value);
    }
  }
}
