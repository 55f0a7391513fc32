package org.vigil.app.water;

import static org.vigil.app.water.DemoBasin.LinkSpec.of;

import java.util.List;
import java.util.Map;
import org.vigil.app.water.DemoBasin.EnvFlowSpec;
import org.vigil.app.water.DemoBasin.LinkSpec;
import org.vigil.app.water.DemoBasin.ReservoirSpec;
import org.vigil.app.water.DemoBasin.SourceSpec;
import org.vigil.app.water.DemoBasin.WithdrawalSpec;

/**
 * The two demo basins as data. Structure real, volumes synthetic (see {@link DemoBasins}): mean
 * annual inflows in hm³ (Syr Darya 37,000, Amu Darya 78,000), annual demands, reservoir capacities
 * rounded from published design volumes, minimum storages and starting storages, losses, shares and
 * minimum releases all invented at a plausible order.
 */
final class DemoBasinData {
  private DemoBasinData() {}

  private static final String IRR = "irrigation";
  private static final String MUN = "municipal";

  static final DemoBasin SYR_DARYA =
      new DemoBasin(
          "SYR_DARYA",
          "Syr Darya",
          "Сырдарья",
          List.of(
              new SourceSpec("Naryn", 13_500, 6, "KGZ"),
              new SourceSpec("Kara Darya", 4_000, 5, "KGZ"),
              new SourceSpec("Fergana valley tributaries", 8_500, 6, "KGZ"),
              new SourceSpec("Chirchik", 8_000, 5, "UZB"),
              new SourceSpec("Arys and Keles", 3_000, 4, "KAZ")),
          List.of(
              new ReservoirSpec("Toktogul", "KGZ", 19_500, 8_500, 12_500),
              new ReservoirSpec("Andijan", "UZB", 1_900, 150, 900),
              new ReservoirSpec("Kairakkum", "TJK", 4_200, 600, 2_000),
              new ReservoirSpec("Charvak", "UZB", 2_000, 400, 1_200),
              new ReservoirSpec("Shardara", "KAZ", 5_200, 700, 2_500)),
          List.of(
              new WithdrawalSpec("KGZ irrigation (Osh, Jalal-Abad)", "KGZ", IRR, 2_200),
              new WithdrawalSpec("KGZ municipal (Osh)", "KGZ", MUN, 150),
              new WithdrawalSpec("UZB municipal (Fergana valley)", "UZB", MUN, 500),
              new WithdrawalSpec("UZB irrigation (Fergana valley)", "UZB", IRR, 9_500),
              new WithdrawalSpec("TJK irrigation (Sughd)", "TJK", IRR, 2_500),
              new WithdrawalSpec("TJK municipal (Khujand)", "TJK", MUN, 150),
              new WithdrawalSpec("UZB irrigation (Hunger Steppe)", "UZB", IRR, 4_500),
              new WithdrawalSpec("UZB municipal (Tashkent)", "UZB", MUN, 900),
              new WithdrawalSpec("UZB irrigation (Tashkent province)", "UZB", IRR, 2_800),
              new WithdrawalSpec("KAZ irrigation (Turkestan)", "KAZ", IRR, 2_200),
              new WithdrawalSpec("KAZ irrigation (Kyzylorda)", "KAZ", IRR, 3_300),
              new WithdrawalSpec("KAZ municipal (Kyzylorda)", "KAZ", MUN, 150)),
          new EnvFlowSpec("Karateren (inflow to the North Aral)", 3_600),
          List.of("North Aral Sea", "Arnasay depression"),
          List.of(
              of("Naryn", "Toktogul", 0),
              of("Toktogul", "KGZ irrigation (Osh, Jalal-Abad)", 0.03),
              of("KGZ irrigation (Osh, Jalal-Abad)", "UZB irrigation (Fergana valley)", 0.04),
              of("Kara Darya", "KGZ municipal (Osh)", 0.01),
              of("KGZ municipal (Osh)", "Andijan", 0.02),
              of("Andijan", "UZB municipal (Fergana valley)", 0.02),
              of("UZB municipal (Fergana valley)", "UZB irrigation (Fergana valley)", 0.03),
              of("Fergana valley tributaries", "UZB irrigation (Fergana valley)", 0.05),
              of("UZB irrigation (Fergana valley)", "TJK irrigation (Sughd)", 0.04),
              of("TJK irrigation (Sughd)", "TJK municipal (Khujand)", 0.01),
              of("TJK municipal (Khujand)", "Kairakkum", 0.01),
              of("Kairakkum", "UZB irrigation (Hunger Steppe)", 0.03),
              of("Chirchik", "Charvak", 0),
              of("Charvak", "UZB municipal (Tashkent)", 0.01),
              of("UZB municipal (Tashkent)", "UZB irrigation (Tashkent province)", 0.04),
              of("UZB irrigation (Hunger Steppe)", "Shardara", 0.03),
              of("UZB irrigation (Tashkent province)", "Shardara", 0.03),
              of("Arys and Keles", "Shardara", 0.03),
              new LinkSpec("Shardara", "Arnasay depression", 0, 1_000),
              of("Shardara", "KAZ irrigation (Turkestan)", 0.03),
              of("KAZ irrigation (Turkestan)", "KAZ irrigation (Kyzylorda)", 0.05),
              of("KAZ irrigation (Kyzylorda)", "KAZ municipal (Kyzylorda)", 0.02),
              of("KAZ municipal (Kyzylorda)", "Karateren (inflow to the North Aral)", 0.05),
              of("Karateren (inflow to the North Aral)", "North Aral Sea", 0.02)),
          Map.of("KGZ", 0.06, "TJK", 0.09, "UZB", 0.55, "KAZ", 0.30),
          Map.of("Toktogul", 900.0),
          Map.of("Toktogul", 350.0),
          List.of(
              "Riparian states, rivers, reservoirs and the order of the reaches are real;"
                  + " reservoir capacities are rounded design volumes.",
              "Flows, demands, losses, shares and minimum releases are synthetic (seeded"
                  + " generator, mean annual inflow 37 km³).",
              "The Arnasay depression takes Shardara's flood spills (at most 1,000 hm³ a month)."));

  static final DemoBasin AMU_DARYA =
      new DemoBasin(
          "AMU_DARYA",
          "Amu Darya",
          "Амударья",
          List.of(
              new SourceSpec("Vakhsh", 20_000, 7, "TJK"),
              new SourceSpec("Panj", 39_500, 7, "TJK"),
              new SourceSpec("Kunduz (Afghanistan)", 4_000, 5, "AFG"),
              new SourceSpec("Kafirnigan", 5_500, 5, "TJK"),
              new SourceSpec("Surkhandarya", 4_000, 4, "UZB"),
              new SourceSpec("Zeravshan", 5_000, 7, "TJK")),
          List.of(
              new ReservoirSpec("Nurek", "TJK", 10_500, 4_500, 8_000),
              new ReservoirSpec("Tuyamuyun", "UZB/TKM", 7_800, 1_200, 4_000)),
          List.of(
              new WithdrawalSpec("TJK irrigation (Vakhsh valley)", "TJK", IRR, 5_500),
              new WithdrawalSpec("TJK municipal (Dushanbe)", "TJK", MUN, 400),
              new WithdrawalSpec("TJK irrigation (Khatlon, Panj)", "TJK", IRR, 2_500),
              new WithdrawalSpec("UZB irrigation (Surkhandarya)", "UZB", IRR, 3_500),
              new WithdrawalSpec("TKM irrigation (Karakum Canal)", "TKM", IRR, 11_000),
              new WithdrawalSpec("UZB municipal (Samarkand)", "UZB", MUN, 300),
              new WithdrawalSpec("UZB irrigation (Zeravshan valley)", "UZB", IRR, 4_500),
              new WithdrawalSpec("UZB irrigation (Karshi and Bukhara)", "UZB", IRR, 8_500),
              new WithdrawalSpec("TKM irrigation (Lebap)", "TKM", IRR, 4_500),
              new WithdrawalSpec("TKM municipal (Turkmenabat)", "TKM", MUN, 250),
              new WithdrawalSpec("UZB irrigation (Khorezm)", "UZB", IRR, 5_000),
              new WithdrawalSpec("TKM irrigation (Dashoguz)", "TKM", IRR, 5_000),
              new WithdrawalSpec("UZB irrigation (Karakalpakstan)", "UZB", IRR, 5_500),
              new WithdrawalSpec("UZB municipal (Nukus)", "UZB", MUN, 250)),
          new EnvFlowSpec("Amu Darya delta (Kyzyljar)", 4_800),
          List.of("South Aral Sea"),
          List.of(
              of("Vakhsh", "Nurek", 0),
              of("Nurek", "TJK irrigation (Vakhsh valley)", 0.03),
              of("TJK irrigation (Vakhsh valley)", "UZB irrigation (Surkhandarya)", 0.04),
              of("Kafirnigan", "TJK municipal (Dushanbe)", 0.01),
              of("TJK municipal (Dushanbe)", "UZB irrigation (Surkhandarya)", 0.04),
              of("Panj", "TJK irrigation (Khatlon, Panj)", 0.03),
              of("TJK irrigation (Khatlon, Panj)", "UZB irrigation (Surkhandarya)", 0.04),
              of("Kunduz (Afghanistan)", "UZB irrigation (Surkhandarya)", 0.04),
              of("Surkhandarya", "UZB irrigation (Surkhandarya)", 0.03),
              of("UZB irrigation (Surkhandarya)", "TKM irrigation (Karakum Canal)", 0.03),
              of("TKM irrigation (Karakum Canal)", "UZB irrigation (Karshi and Bukhara)", 0.04),
              of("Zeravshan", "UZB municipal (Samarkand)", 0.01),
              of("UZB municipal (Samarkand)", "UZB irrigation (Zeravshan valley)", 0.05),
              of("UZB irrigation (Zeravshan valley)", "UZB irrigation (Karshi and Bukhara)", 0.5),
              of("UZB irrigation (Karshi and Bukhara)", "TKM irrigation (Lebap)", 0.03),
              of("TKM irrigation (Lebap)", "TKM municipal (Turkmenabat)", 0.01),
              of("TKM municipal (Turkmenabat)", "Tuyamuyun", 0.05),
              of("Tuyamuyun", "UZB irrigation (Khorezm)", 0.03),
              of("UZB irrigation (Khorezm)", "TKM irrigation (Dashoguz)", 0.03),
              of("TKM irrigation (Dashoguz)", "UZB irrigation (Karakalpakstan)", 0.04),
              of("UZB irrigation (Karakalpakstan)", "UZB municipal (Nukus)", 0.01),
              of("UZB municipal (Nukus)", "Amu Darya delta (Kyzyljar)", 0.05),
              of("Amu Darya delta (Kyzyljar)", "South Aral Sea", 0.05)),
          Map.of("TJK", 0.17, "UZB", 0.44, "TKM", 0.39),
          Map.of("Nurek", 1_200.0),
          Map.of("Nurek", 500.0),
          List.of(
              "Riparian states, rivers, reservoirs and the order of the reaches are real;"
                  + " reservoir capacities are rounded design volumes.",
              "Afghanistan is upstream but not a member: its tributaries (Panj's left bank,"
                  + " Kunduz) enter as inflows.",
              "Flows, demands, losses, shares and minimum releases are synthetic (seeded"
                  + " generator, mean annual inflow 78 km³).",
              "The Zeravshan no longer reaches the Amu Darya: half of what leaves its valley is"
                  + " lost on the way to the Bukhara oasis."));
}
