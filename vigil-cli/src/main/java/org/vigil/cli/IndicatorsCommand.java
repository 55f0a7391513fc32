package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.ThreatDomain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil indicators}: the indicator catalogue. */
@Command(name = "indicators", mixinStandardHelpOptions = true, description = "List indicators.")
final class IndicatorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--domain", description = "Only this threat domain (${COMPLETION-CANDIDATES}).")
  ThreatDomain domain;

  @Override
  public Integer call() {
    VigilCommand root = VigilCommand.of(spec);
    try (Vigil vigil = root.openVigil()) {
      AccessContext caller = root.caller(vigil);
      Table t =
          Table.of(
              "code",
              "name",
              "domain",
              "unit",
              "scale",
              "frequency",
              "polarity",
              "source",
              "synthetic");
      for (Indicator i : vigil.reference().indicators(caller)) {
        if (domain == null || i.domain() == domain) {
          t.row(
              i.code(),
              i.nameEn(),
              i.domain().name(),
              i.unit(),
              i.scale().name(),
              i.frequency().name(),
              i.polarity().name(),
              i.source(),
              i.synthetic());
        }
      }
      root.renderer().print(t);
    }
    return VigilCommand.OK;
  }
}
