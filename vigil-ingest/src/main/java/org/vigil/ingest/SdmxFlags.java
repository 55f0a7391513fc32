package org.vigil.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Observation status and flags between SDMX and Vigil, through the OBS_STATUS and OBS_FLAG rows of
 * {@link SdmxMapping}.
 *
 * <p>Reading: OBS_STATUS holds SDMX status codes (CL_OBS_STATUS: A normal, P provisional, E
 * estimated, B break, M missing...), one or several separated by commas; each must be mapped (A
 * adds nothing). OBS_FLAG holds Eurostat's lower-case flags (p, e, b, c, ...), each mapped, and may
 * hold several run together ("bp"); an upper-case or digit code in OBS_FLAG is Vigil's own flag and
 * is kept as it is. The flags are the status codes' followed by the flags', without repeats, in the
 * order given.
 *
 * <p>Writing: OBS_STATUS is the status code of the first flag that has one (A when none does), and
 * OBS_FLAG carries Vigil's whole flag list when the status alone would lose some of it (several
 * flags, or a flag without a status code), so that every flag comes back on reading.
 */
final class SdmxFlags {
  private SdmxFlags() {}

  /** The two attribute values to write for Vigil's flags. */
  record Written(String status, String flag) {}

  static Written write(String flags, SdmxMapping mapping) {
    List<String> list = split(flags);
    if (list.isEmpty()) {
      return new Written("A", "");
    }
    String status = "A";
    for (String f : list) {
      Optional<SdmxMapping.Row> row = mapping.fromVigil("OBS_STATUS", f);
      if (row.isPresent()) {
        status = row.get().code();
        break;
      }
    }
    boolean complete = list.size() == 1 && !status.equals("A") && status.equals(list.get(0));
    return new Written(status, complete ? "" : String.join(",", list));
  }

  /**
   * Vigil's flags for an observation's OBS_STATUS and OBS_FLAG, or empty after a rejection that
   * names the attribute, the code and the codes expected.
   */
  static Optional<String> read(
      RowCollector rc, int line, String where, String status, String flag, SdmxMapping mapping) {
    String at = where.isEmpty() ? "" : " (element " + where + ")";
    Set<String> out = new LinkedHashSet<>();
    for (String code : split(status)) {
      if (code.equalsIgnoreCase("A")) {
        continue;
      }
      Optional<String> v = mapping.toVigil("OBS_STATUS", code.toUpperCase(Locale.ROOT), "");
      if (v.isEmpty()) {
        rc.reject(
            line,
            "OBS_STATUS" + at,
            "one of A, "
                + mapping.expected("OBS_STATUS")
                + " (SDMX observation status); add a row 'OBS_STATUS,"
                + code
                + ",,<flag>' to the SDMX mapping ("
                + SdmxMapping.RESOURCE
                + ")",
            Rejection.quoted(code));
        return Optional.empty();
      }
      out.add(v.get());
    }
    for (String code : split(flag)) {
      if (!readFlag(code, out, mapping)) {
        rc.reject(
            line,
            "OBS_FLAG" + at,
            "Eurostat flags "
                + mapping.expected("OBS_FLAG")
                + ", or Vigil flags in upper case (letters and digits, up to 8)",
            Rejection.quoted(code));
        return Optional.empty();
      }
    }
    return rc.flags(line, "OBS_STATUS" + at, String.join(",", out));
  }

  private static boolean readFlag(String code, Set<String> out, SdmxMapping mapping) {
    if (code.matches("[A-Z0-9][A-Z0-9]{0,7}")) {
      out.add(code);
      return true;
    }
    Optional<String> whole = mapping.toVigil("OBS_FLAG", code, "");
    if (whole.isPresent()) {
      out.add(whole.get());
      return true;
    }
    List<String> each = new ArrayList<>();
    for (char c : code.toCharArray()) {
      Optional<String> one = mapping.toVigil("OBS_FLAG", String.valueOf(c), "");
      if (one.isEmpty()) {
        return false;
      }
      each.add(one.get());
    }
    out.addAll(each);
    return !each.isEmpty();
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
