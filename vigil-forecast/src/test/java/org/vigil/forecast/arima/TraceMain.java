package org.vigil.forecast.arima;

/** Developer aid: prints the stepwise trace for one golden series. */
final class TraceMain {
  private TraceMain() {}

  public static void main(String[] args) {
    GoldenData.Series s = GoldenData.series().get(args[0]);
    AutoArima.trace(s.values(), s.frequency(), AutoArimaSpec.DEFAULT).forEach(System.out::println);
    System.out.println(AutoArima.fit(s.values(), s.frequency(), AutoArimaSpec.DEFAULT));
  }
}
