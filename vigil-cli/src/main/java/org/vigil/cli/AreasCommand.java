package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil areas}: the areas (states, groups, basins) Vigil knows. */
@Command(name = "areas", mixinStandardHelpOptions = true, description = "List areas.")
final class AreasCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      Table t = Table.of("code", "kind", "name_en", "name_ru", "iso2");
      for (Area a : vigil.reference().areas(caller)) {
        t.row(a.code(), a.kind().name(), a.nameEn(), a.nameRu(), a.iso2());
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }
}
