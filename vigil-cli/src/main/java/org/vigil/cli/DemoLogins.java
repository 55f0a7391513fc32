package org.vigil.cli;

import java.io.PrintStream;
import java.util.List;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoUser;
import org.vigil.model.Role;

/** Loads the demo for {@code serve --demo} and prints the logins people need to try it. */
final class DemoLogins {
  private DemoLogins() {}

  static void load(Vigil vigil, PrintStream err) {
    DemoData.LoadResult r = DemoData.load(vigil);
    if (r.alreadyLoaded()) {
      err.println("Demo data already loaded.");
    } else {
      err.println(
          "Demo data loaded: "
              + r.observationsAdded()
              + " observations, "
              + r.events()
              + " events, "
              + r.documents()
              + " documents, "
              + r.users()
              + " users.");
    }
  }

  static void print(PrintStream out) {
    List<DemoUser> users = DemoData.users();
    out.println("Demo logins (every one has the password '" + DemoData.PASSWORD + "'):");
    int shown = 0;
    for (DemoUser u : users) {
      boolean interesting =
          u.username().equals("admin")
              || u.username().startsWith("secretariat.")
                  && (u.role() == Role.ANALYST || u.role() == Role.ORG_ADMIN)
              || u.username().startsWith("kaz.")
              || u.username().startsWith("rus.");
      if (interesting) {
        out.printf("  %-26s %-18s %s%n", u.username(), u.role(), u.organisation());
        shown++;
      }
    }
    out.println(
        "  ... and "
            + (users.size() - shown)
            + " more (<state>.admin|analyst|steward|coordinator|viewer for every member state;"
            + " list them with: ./vigil users list)");
  }
}
