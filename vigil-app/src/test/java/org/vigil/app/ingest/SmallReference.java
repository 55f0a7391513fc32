package org.vigil.app.ingest;

import java.util.Locale;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoIndicators;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Organisation;

/** A few areas, organisations and the real indicators: quicker to save than every country. */
final class SmallReference {
  private SmallReference() {}

  static void save(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    for (String iso2 : new String[] {"AM", "RU", "KZ", "BY"}) {
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
    vigil.reference().saveOrganisation(sys, new Organisation("SECRETARIAT", "S", "S", "", true));
    vigil.reference().saveOrganisation(sys, new Organisation("KAZ-SC", "K", "K", "KAZ", false));
    DemoIndicators.real().forEach(i -> vigil.reference().saveIndicator(sys, i));
  }
}
