package org.vigil.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.model.AuditEntry;
import org.vigil.model.AuditVerification;
import org.vigil.store.AuditKeys;
import org.vigil.store.AuditSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil audit}: read and verify the hash-chained audit log (as the local operator). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read or verify the audit log.",
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.ListEntries.class,
      AuditCommand.RotateKey.class
    })
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

  /**
   * {@code audit rotate-key}: appends a new MAC key to the key file; entries written from the next
   * start on use it, and older keys stay in the file to verify older entries.
   */
  @Command(
      name = "rotate-key",
      mixinStandardHelpOptions = true,
      description =
          "Add a new audit MAC key to the key file (VIGIL_AUDIT_KEY_FILE, default beside the"
              + " database). Restart the server to use it; keep the older keys.")
  static final class RotateKey implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      VigilCommand root = VigilCommand.of(spec);
      String url;
      try (Vigil vigil = root.openVigil()) {
        url = vigil.config().dbUrl();
      }
      AuditSettings s = AuditSettings.forDatabase(url, System.getenv());
      if (!s.envKeys().isEmpty()) {
        root.err()
            .println(
                "vigil: the audit keys come from VIGIL_AUDIT_KEY; append ',"
                    + AuditKeys.newInlineKey(
                        "k" + (s.envKeys().split(",").length + 1), new SecureRandom())
                    + "' to it (keep the older keys) and restart");
        return 2;
      }
      if (s.keyFile() == null) {
        root.err()
            .println("vigil: an in-memory database has an in-memory audit key; nothing to rotate");
        return 2;
      }
      String id = AuditKeys.rotate(s.keyFile(), new SecureRandom());
      root.out()
          .println(
              "Added audit key "
                  + id
                  + " to "
                  + s.keyFile()
                  + ": entries use it from the next start; older keys stay to verify older"
                  + " entries.");
      return VigilCommand.OK;
    }
  }
}
