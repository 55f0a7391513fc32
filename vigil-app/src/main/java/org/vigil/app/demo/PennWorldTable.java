package org.vigil.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigil.model.Classification;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;

/**
 * Population and real GDP (PPP) per CIS state, 1990-2017, from the Penn World Table 9.1 extract
 * shipped in resources/demo/pwt91_cis.csv (CC BY 4.0; see NOTICE). Published as PUBLIC data of the
 * secretariat.
 */
final class PennWorldTable {
  static final String RESOURCE = "/demo/pwt91_cis.csv";
  static final String SOURCE =
      "Penn World Table 9.1 (Feenstra, Inklaar and Timmer 2015), CC BY 4.0";

  private PennWorldTable() {}

  static List<Observation> observations() {
    Ownership pub = Ownership.of(DemoOrganisations.SECRETARIAT, Classification.PUBLIC);
    List<Observation> out = new ArrayList<>();
    try (InputStream in = PennWorldTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + RESOURCE + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\"", "").split(",", -1);
        Period year = Period.year(Integer.parseInt(f[2]));
        add(out, "GDP_PPP", f[0], year, f[3], pub);
        add(out, "POPULATION", f[0], year, f[5], pub);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return out;
  }

  private static void add(
      List<Observation> out, String indicator, String area, Period year, String text, Ownership o) {
    if (!text.isBlank() && !text.equals("NA")) {
      double v = Math.round(Double.parseDouble(text) * 1000) / 1000.0;
      out.add(new Observation(indicator, area, year, v, "", SOURCE, 0, null, o));
    }
  }
}
