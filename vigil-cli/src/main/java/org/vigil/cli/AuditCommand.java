package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil audit}: read and verify the hash-chained audit log (as the local operator). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read or verify the audit log.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Runnable {
  /** Exit code of {@code audit verify} when the chain is broken. */
  static final int BROKEN_CHAIN = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(VigilCommand.of(spec).out());
  }

  /** {@code audit verify}: exit 0 when the chain holds, 3 naming the first bad entry otherwise. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the hash chain. Exit 0 when intact, 3 when broken (naming the first bad"
              + " entry).")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        AuditVerification v = vigil.audit().verify(root.operator());
        if (v.valid()) {
          root.out().println("Audit chain intact: " + v.entriesChecked() + " entries verified.");
          return VigilCommand.OK;
        }
        root.err()
            .println(
                "vigil: audit chain BROKEN at entry "
                    + v.firstBadSeq()
                    + " ("
                    + v.entriesChecked()
                    + " entries checked): "
                    + VigilCommand.oneLine(v.problem()));
        return BROKEN_CHAIN;
      }
    }
  }

  /** {@code audit list [--after N] [--limit N]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List audit entries.")
  static final class ListEntries implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--after", description = "Entries after this sequence number (default 0).")
    long after;

    @Option(names = "--limit", description = "At most this many (default 100).")
    int limit = 100;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      try (Vigil vigil = root.openVigil()) {
        Table t =
            Table.of("seq", "at", "user", "organisation", "action", "subject", "origin", "detail");
        for (AuditEntry e : vigil.audit().entries(root.operator(), after, limit)) {
          t.row(
              e.seq(),
              e.at(),
              e.user(),
              e.organisation(),
              e.action(),
              e.subject(),
              e.origin(),
              e.detail());
        }
        root.renderer().print(t);
      }
      return VigilCommand.OK;
    }
  }
}
