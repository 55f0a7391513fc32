package org.vigil.app.ingest;

import java.util.Locale;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoIndicators;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Organisation;

/** A few areas, organisations and the real indicators: quicker to save than every country. */
public final class SmallReference {
  private SmallReference() {}

  public static void save(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    saveCountries(vigil, "AM", "RU", "KZ", "BY");
    vigil.reference().saveOrganisation(sys, new Organisation("SECRETARIAT", "S", "S", "", true));
    vigil.reference().saveOrganisation(sys, new Organisation("KAZ-SC", "K", "K", "KAZ", false));
    DemoIndicators.real().forEach(i -> vigil.reference().saveIndicator(sys, i));
  }

  /** The countries of the given ISO 3166 alpha-2 codes, named in English and Russian by the JDK. */
  public static void saveCountries(Vigil vigil, String... iso2s) {
    AccessContext sys = AccessContext.system();
    for (String iso2 : iso2s) {
      Locale l = new Locale("", iso2);
      vigil
          .reference()
          .saveArea(
              sys,
              new Area(
                  l.getISO3Country(),
                  AreaKind.COUNTRY,
                  l.getDisplayCountry(Locale.ENGLISH),
                  l.getDisplayCountry(Locale.forLanguageTag("ru")),
                  iso2,
                  ""));
    }
  }
}
