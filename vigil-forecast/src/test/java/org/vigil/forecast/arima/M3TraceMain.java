package org.vigil.forecast.arima;

import java.nio.file.Path;

/** Developer aid: stepwise trace of M3 series. Arguments: DATA_DIR ID... */
final class M3TraceMain {
  private M3TraceMain() {}

  public static void main(String[] args) throws Exception {
    for (ArimaM3Main.Series s : ArimaM3Main.read(Path.of(args[0]))) {
      for (int i = 1; i < args.length; i++) {
        if (s.id().equals(args[i])) {
          System.out.println("== " + s.id());
          AutoArima.trace(s.train(), s.m(), AutoArimaSpec.DEFAULT).forEach(System.out::println);
          System.out.println(AutoArima.fit(s.train(), s.m(), AutoArimaSpec.DEFAULT));
        }
      }
    }
  }
}
