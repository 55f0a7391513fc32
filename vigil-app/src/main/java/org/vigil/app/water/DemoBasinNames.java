package org.vigil.app.water;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Russian names of the demo basins' nodes (rivers, reservoirs, off-takes, the environmental
 * flow points and the terminal lakes), keyed by the English name the engine and the stored runs
 * use. The web UI and Russian reports show these; the English name stays the node's identifier.
 */
public final class DemoBasinNames {
  private static final Map<String, String> RU = new LinkedHashMap<>();

  static {
    // Syr Darya
    put("Naryn", "Нарын");
    put("Kara Darya", "Карадарья");
    put("Fergana valley tributaries", "Притоки Ферганской долины");
    put("Chirchik", "Чирчик");
    put("Arys and Keles", "Арысь и Келес");
    put("Toktogul", "Токтогульское");
    put("Andijan", "Андижанское");
    put("Kairakkum", "Кайраккумское");
    put("Charvak", "Чарвакское");
    put("Shardara", "Шардаринское");
    put("KGZ irrigation (Osh, Jalal-Abad)", "Кыргызстан, орошение (Ош, Джалал-Абад)");
    put("KGZ municipal (Osh)", "Кыргызстан, водоснабжение (Ош)");
    put("UZB municipal (Fergana valley)", "Узбекистан, водоснабжение (Ферганская долина)");
    put("UZB irrigation (Fergana valley)", "Узбекистан, орошение (Ферганская долина)");
    put("TJK irrigation (Sughd)", "Таджикистан, орошение (Согд)");
    put("TJK municipal (Khujand)", "Таджикистан, водоснабжение (Худжанд)");
    put("UZB irrigation (Hunger Steppe)", "Узбекистан, орошение (Голодная степь)");
    put("UZB municipal (Tashkent)", "Узбекистан, водоснабжение (Ташкент)");
    put("UZB irrigation (Tashkent province)", "Узбекистан, орошение (Ташкентская область)");
    put("KAZ irrigation (Turkestan)", "Казахстан, орошение (Туркестан)");
    put("KAZ irrigation (Kyzylorda)", "Казахстан, орошение (Кызылорда)");
    put("KAZ municipal (Kyzylorda)", "Казахстан, водоснабжение (Кызылорда)");
    put("Karateren (inflow to the North Aral)", "Каратерень (приток в Малый Арал)");
    put("North Aral Sea", "Малое Аральское море");
    put("Arnasay depression", "Арнасайская впадина");
    // Amu Darya
    put("Vakhsh", "Вахш");
    put("Panj", "Пяндж");
    put("Kunduz (Afghanistan)", "Кундуз (Афганистан)");
    put("Kafirnigan", "Кафирниган");
    put("Surkhandarya", "Сурхандарья");
    put("Zeravshan", "Зеравшан");
    put("Nurek", "Нурекское");
    put("Tuyamuyun", "Туямуюнское");
    put("TJK irrigation (Vakhsh valley)", "Таджикистан, орошение (Вахшская долина)");
    put("TJK municipal (Dushanbe)", "Таджикистан, водоснабжение (Душанбе)");
    put("TJK irrigation (Khatlon, Panj)", "Таджикистан, орошение (Хатлон, Пяндж)");
    put("UZB irrigation (Surkhandarya)", "Узбекистан, орошение (Сурхандарья)");
    put("TKM irrigation (Karakum Canal)", "Туркменистан, орошение (Каракумский канал)");
    put("UZB municipal (Samarkand)", "Узбекистан, водоснабжение (Самарканд)");
    put("UZB irrigation (Zeravshan valley)", "Узбекистан, орошение (долина Зеравшана)");
    put("UZB irrigation (Karshi and Bukhara)", "Узбекистан, орошение (Карши и Бухара)");
    put("TKM irrigation (Lebap)", "Туркменистан, орошение (Лебап)");
    put("TKM municipal (Turkmenabat)", "Туркменистан, водоснабжение (Туркменабат)");
    put("UZB irrigation (Khorezm)", "Узбекистан, орошение (Хорезм)");
    put("TKM irrigation (Dashoguz)", "Туркменистан, орошение (Дашогуз)");
    put("UZB irrigation (Karakalpakstan)", "Узбекистан, орошение (Каракалпакстан)");
    put("UZB municipal (Nukus)", "Узбекистан, водоснабжение (Нукус)");
    put("Amu Darya delta (Kyzyljar)", "Дельта Амударьи (Кызылджар)");
    put("South Aral Sea", "Южное Аральское море");
  }

  private DemoBasinNames() {}

  private static void put(String en, String ru) {
    if (RU.put(en, ru) != null) {
      throw new IllegalStateException("Russian name of '" + en + "' given twice");
    }
  }

  /** The Russian name of a demo node, by its English name. */
  public static Optional<String> russian(String english) {
    return Optional.ofNullable(RU.get(english));
  }

  /**
   * The Russian names of every node of {@code basin}, in the basin's order (sources, reservoirs,
   * withdrawals, the environmental flow point, outlets); a node without one is left out.
   */
  public static Map<String, String> russian(DemoBasin basin) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : nodeNames(basin)) {
      russian(name).ifPresent(ru -> out.put(name, ru));
    }
    return out;
  }

  /** Every node name of a demo basin, in the basin's order. */
  static List<String> nodeNames(DemoBasin b) {
    List<String> names = new ArrayList<>();
    b.sources().forEach(s -> names.add(s.name()));
    b.reservoirs().forEach(r -> names.add(r.name()));
    b.withdrawals().forEach(w -> names.add(w.name()));
    names.add(b.envFlow().name());
    names.addAll(b.outlets());
    return names;
  }
}
