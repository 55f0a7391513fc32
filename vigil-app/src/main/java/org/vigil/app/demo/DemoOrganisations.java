package org.vigil.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.Organisation;

/** One security council per CIS state (id ISO3-SC) and the CIS secretariat (id SECRETARIAT). */
public final class DemoOrganisations {
  public static final String SECRETARIAT = "SECRETARIAT";

  private static final Map<String, String[]> NAMES =
      Map.of(
          "ARM", new String[] {"Armenia", "Армении"},
          "AZE", new String[] {"Azerbaijan", "Азербайджана"},
          "BLR", new String[] {"Belarus", "Беларуси"},
          "KAZ", new String[] {"Kazakhstan", "Казахстана"},
          "KGZ", new String[] {"Kyrgyzstan", "Кыргызстана"},
          "MDA", new String[] {"Moldova", "Молдовы"},
          "RUS", new String[] {"Russia", "России"},
          "TJK", new String[] {"Tajikistan", "Таджикистана"},
          "TKM", new String[] {"Turkmenistan", "Туркменистана"},
          "UZB", new String[] {"Uzbekistan", "Узбекистана"});

  private DemoOrganisations() {}

  /** The organisation id of a state's council ("RUS-SC"). */
  public static String councilOf(String state) {
    return state.toUpperCase(Locale.ROOT) + "-SC";
  }

  public static List<Organisation> all() {
    List<Organisation> out = new ArrayList<>();
    out.add(
        new Organisation(
            SECRETARIAT,
            "CIS Executive Committee, security secretariat (demo)",
            "Исполнительный комитет СНГ, секретариат по безопасности (демо)",
            "CIS",
            true));
    for (String s : WorldAreas.CIS_STATES) {
      String[] n = NAMES.get(s);
      out.add(
          new Organisation(
              councilOf(s),
              "Security Council of " + n[0] + " (demo)",
              "Совет безопасности " + n[1] + " (демо)",
              s,
              false));
    }
    return out;
  }
}
