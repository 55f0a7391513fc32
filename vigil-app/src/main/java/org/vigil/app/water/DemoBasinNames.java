package org.vigil.app.water;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Russian names of the demo basins' nodes (rivers, reservoirs, off-takes, the environmental
 * flow points and terminal lakes), so Russian output does not carry English names. Withdrawals are
 * named "state, sector (place)" from the English name's parts.
 */
public final class DemoBasinNames {
  private DemoBasinNames() {}

  private static final Map<String, String> PLACES = new HashMap<>();
  private static final Map<String, String> NODES = new HashMap<>();

  static {
    String[][] nodes = {
      {"Naryn", "Нарын"},
      {"Kara Darya", "Карадарья"},
      {"Fergana valley tributaries", "Притоки Ферганской долины"},
      {"Chirchik", "Чирчик"},
      {"Arys and Keles", "Арысь и Келес"},
      {"Toktogul", "Токтогульское"},
      {"Andijan", "Андижанское"},
      {"Kairakkum", "Кайраккумское"},
      {"Charvak", "Чарвакское"},
      {"Shardara", "Шардаринское"},
      {"Nurek", "Нурекское"},
      {"Tuyamuyun", "Туямуюнское"},
      {"Karateren (inflow to the North Aral)", "Каратерень (приток в Малый Арал)"},
      {"Amu Darya delta (Kyzyljar)", "Дельта Амударьи (Кызылджар)"},
      {"North Aral Sea", "Малое Аральское море"},
      {"Arnasay depression", "Арнасайская впадина"},
      {"South Aral Sea", "Большое Аральское море"},
      {"Vakhsh", "Вахш"},
      {"Panj", "Пяндж"},
      {"Kunduz (Afghanistan)", "Кундуз (Афганистан)"},
      {"Kafirnigan", "Кафирниган"},
      {"Surkhandarya", "Сурхандарья"},
      {"Zeravshan", "Зеравшан"}
    };
    for (String[] n : nodes) {
      NODES.put(n[0], n[1]);
    }
    String[][] places = {
      {"Osh, Jalal-Abad", "Ош, Джалал-Абад"},
      {"Osh", "Ош"},
      {"Fergana valley", "Ферганская долина"},
      {"Sughd", "Согд"},
      {"Khujand", "Худжанд"},
      {"Hunger Steppe", "Голодная степь"},
      {"Tashkent", "Ташкент"},
      {"Tashkent province", "Ташкентская область"},
      {"Turkestan", "Туркестан"},
      {"Kyzylorda", "Кызылорда"},
      {"Vakhsh valley", "Вахшская долина"},
      {"Dushanbe", "Душанбе"},
      {"Khatlon, Panj", "Хатлон, Пяндж"},
      {"Surkhandarya", "Сурхандарья"},
      {"Karakum Canal", "Каракумский канал"},
      {"Samarkand", "Самарканд"},
      {"Zeravshan valley", "Зеравшанская долина"},
      {"Karshi and Bukhara", "Карши и Бухара"},
      {"Lebap", "Лебап"},
      {"Turkmenabat", "Туркменабат"},
      {"Khorezm", "Хорезм"},
      {"Dashoguz", "Дашогуз"},
      {"Karakalpakstan", "Каракалпакстан"},
      {"Nukus", "Нукус"}
    };
    for (String[] p : places) {
      PLACES.put(p[0], p[1]);
    }
  }

  /** The Russian name of a node; a name it does not know stays as it is. */
  static String ru(String name) {
    String n = NODES.get(name);
    if (n != null) {
      return n;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([A-Z]{3}) (irrigation|municipal) \\((.+)\\)")
            .matcher(name);
    if (m.matches() && PLACES.containsKey(m.group(3))) {
      String sector = m.group(2).equals("irrigation") ? "орошение" : "коммунальное хозяйство";
      return m.group(1) + ", " + sector + " (" + PLACES.get(m.group(3)) + ")";
    }
    return name;
  }

  /** Every node name of the demo basins and its Russian name. */
  static Map<String, String> all() {
    Map<String, String> out = new HashMap<>();
    for (DemoBasin b : DemoBasins.all()) {
      nodeNames(b).forEach(n -> out.put(n, ru(n)));
    }
    return out;
  }

  /** The Russian name of a demo node, by its English name; empty for a name it does not know. */
  public static Optional<String> russian(String english) {
    String r = ru(english);
    return r.equals(english) ? Optional.empty() : Optional.of(r);
  }

  /**
   * The Russian names of every node of {@code basin}, in the basin's order (sources, reservoirs,
   * withdrawals, the environmental flow point, outlets); a node without one is left out.
   */
  public static Map<String, String> russian(DemoBasin basin) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : nodeNames(basin)) {
      russian(name).ifPresent(r -> out.put(name, r));
    }
    return out;
  }

  /** Every node name of a demo basin, in the basin's order. */
  static List<String> nodeNames(DemoBasin b) {
    List<String> names = new ArrayList<>();
    b.sources().forEach(x -> names.add(x.name()));
    b.reservoirs().forEach(x -> names.add(x.name()));
    b.withdrawals().forEach(x -> names.add(x.name()));
    names.add(b.envFlow().name());
    names.addAll(b.outlets());
    return names;
  }
}
