package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil areas}: the areas (states, groups, basins, regions, districts) Vigil knows, with
 * their parent and level; {@code --parent KAZ} lists Kazakhstan's regions.
 */
@Command(name = "areas", mixinStandardHelpOptions = true, description = "List areas.")
final class AreasCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--parent",
      paramLabel = "AREA",
      description =
          "Only the areas directly inside this one: KAZ (its regions), KZ-AKM (districts).")
  String parent;

  @Option(
      names = "--level",
      paramLabel = "N",
      description = "Only this level: 0 states, groups and basins; 1 regions; 2 districts.")
  Integer level;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    if (level != null && (level < 0 || level > 2)) {
      throw new org.vigil.model.InvalidInputException(
          "--level must be 0 (states, groups, basins), 1 (regions) or 2 (districts), found "
              + level);
    }
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      String in = parent == null ? null : parentCode(root, vigil, parent);
      Table t = Table.of("code", "kind", "name_en", "name_ru", "iso2", "parent", "level", "marks");
      for (Area a : vigil.reference().areas(caller)) {
        if ((in == null || a.parent().equals(in)) && (level == null || a.level() == level)) {
          t.row(
              a.code(),
              a.kind().name(),
              a.nameEn(),
              a.nameRu(),
              a.iso2(),
              a.parent(),
              a.level(),
              marks(a));
        }
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }

  /** A region code as typed (kz-akm) or any area the matcher finds (Kazakhstan, KZ). */
  private static String parentCode(VigilCommand root, Vigil vigil, String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    return vigil.reference().area(AccessContext.anonymous(), upper).isPresent()
        ? upper
        : root.areaCode(vigil, text);
  }

  /** "synthetic" for made-up codes, "ru-fallback" where the Russian name repeats the English. */
  static String marks(Area a) {
    List<String> m = new java.util.ArrayList<>();
    if (a.synthetic()) {
      m.add("synthetic");
    }
    if (a.kind().subnational() && a.nameRuFallback()) {
      m.add("ru-fallback");
    }
    return String.join(";", m);
  }
}
