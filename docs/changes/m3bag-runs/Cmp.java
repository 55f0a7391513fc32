import java.nio.file.*;
import java.util.*;
import org.vigil.forecast.*;
import org.vigil.timeseries.*;

public class Cmp {
  public static void main(String[] a) throws Exception {
    Map<String, List<Double>> train = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("m3", "../shared/data/m3"), "values.csv"))) {
      String[] f = line.replace("\"", "").split(",");
      if (f[1].equals("train")) train.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
    }
    for (String line : Files.readAllLines(Path.of(System.getProperty("snap", System.getProperty("java.io.tmpdir") + "/m3bag/rbag-snap.csv")))) {
      String id = line.split(",")[0];
      List<Double> y = train.get(id);
      int n = y.size(), h = 18;
      double[] x = new double[n - h];
      for (int i = 0; i < n - h; i++) x[i] = y.get(i);
      TimeSeries s = TimeSeries.of(Period.month(2000, 1), x);
      ForecastSpec.Builder b = ForecastSpec.builder().horizon(h).seasonalPeriod(12);
      double[] fb = Forecaster.forecast(s, b.method(ForecastMethod.BAGGED_ETS).build()).points();
      double[] fe = Forecaster.forecast(s, b.method(ForecastMethod.ETS).build()).points();
      double sb = 0, se = 0;
      for (int j = 0; j < h; j++) {
        double act = y.get(n - h + j);
        sb += 200 * Math.abs(act - fb[j]) / (Math.abs(act) + Math.abs(fb[j])) / h;
        se += 200 * Math.abs(act - fe[j]) / (Math.abs(act) + Math.abs(fe[j])) / h;
      }
      System.out.printf(Locale.ROOT, "%s,%s,%.4f,%.4f%n", line, id, sb, se);
    }
  }
}
