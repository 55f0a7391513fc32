package org.vigil.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;

/**
 * The sub-national areas of the CIS member states: their ISO 3166-2 subdivisions from Debian's
 * iso-codes package ({@value #RESOURCE}, extracted by {@code tools/iso3166-2/extract.py}), and the
 * demo's synthetic districts where no registry gives second-level areas.
 *
 * <p>Names: English as the registry writes them (usually a romanisation of the local name), Russian
 * from the package's Russian catalogue; where it has no translation the English name is kept and
 * the area is marked {@link Area#nameRuFallback()}. A subdivision the registry places under another
 * (Nakhchivan's rayons under AZ-NX) is a {@link AreaKind#DISTRICT}; the rest are regions under
 * their state.
 *
 * <p>Synthetic districts (demo only, {@link Area#synthetic()}): {@value #DISTRICTS_PER_REGION} per
 * region of {@link #SYNTHETIC_DISTRICT_STATES}, coded {@code <region code>-D<n>} (for example
 * {@code KZ-AKM-D1}), named "District n of <region>" / "Район n (<region in Russian>)". No registry
 * codes districts of these states, and these codes name no real district.
 */
public final class Subdivisions {
  /** The class-path resource with the extract. */
  public static final String RESOURCE = "/reference/iso3166-2-cis.tsv";

  /** The states whose regions get synthetic districts in the demo. */
  public static final List<String> SYNTHETIC_DISTRICT_STATES = List.of("KAZ", "TJK");

  static final int DISTRICTS_PER_REGION = 3;

  private Subdivisions() {}

  /** Every subdivision in the extract, in code order. */
  public static List<Area> registry() {
    List<Area> out = new ArrayList<>();
    try (InputStream in = Subdivisions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the class path: rebuild vigil-app");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header == null) {
          header = line;
          continue;
        }
        out.add(row(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return out;
  }

  // code, state, parent, level, type, name_en, name_ru, name_ru_source
  private static Area row(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 8) {
      throw new IllegalStateException(
          RESOURCE + ": expected 8 tab-separated fields, found " + f.length + " in '" + line + "'");
    }
    AreaKind kind = "2".equals(f[3]) ? AreaKind.DISTRICT : AreaKind.REGION;
    return Area.subdivision(f[0], kind, f[2], f[5], f[6], false, "fallback".equals(f[7]));
  }

  /** The number of registry subdivisions per state (alpha-3), at each level. */
  public static Map<String, Integer> countByState(List<Area> areas, AreaKind kind) {
    Map<String, Integer> out = new TreeMap<>();
    Map<String, Area> byCode = new TreeMap<>();
    areas.forEach(a -> byCode.put(a.code(), a));
    for (Area a : areas) {
      if (a.kind() == kind) {
        out.merge(stateOf(a, byCode), 1, Integer::sum);
      }
    }
    return out;
  }

  private static String stateOf(Area a, Map<String, Area> byCode) {
    Area at = a;
    while (at.kind().subnational() && byCode.containsKey(at.parent())) {
      at = byCode.get(at.parent());
    }
    return at.kind().subnational() ? at.parent() : at.code();
  }

  /** The demo's synthetic districts under the regions of {@link #SYNTHETIC_DISTRICT_STATES}. */
  public static List<Area> syntheticDistricts(List<Area> registry) {
    List<Area> out = new ArrayList<>();
    for (Area region : registry) {
      if (region.kind() != AreaKind.REGION
          || !SYNTHETIC_DISTRICT_STATES.contains(region.parent())) {
        continue;
      }
      for (int n = 1; n <= DISTRICTS_PER_REGION; n++) {
        out.add(
            Area.subdivision(
                region.code() + "-D" + n,
                AreaKind.DISTRICT,
                region.code(),
                String.format(Locale.ROOT, "District %d of %s", n, region.nameEn()),
                String.format(Locale.ROOT, "Район %d (%s)", n, region.nameRu()),
                true,
                region.nameRuFallback()));
      }
    }
    return out;
  }

  /** The registry's subdivisions and the demo's synthetic districts. */
  public static List<Area> all() {
    List<Area> registry = registry();
    List<Area> out = new ArrayList<>(registry);
    out.addAll(syntheticDistricts(registry));
    return out;
  }
}
