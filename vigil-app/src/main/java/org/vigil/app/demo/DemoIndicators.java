package org.vigil.app.demo;

import java.util.List;
import org.vigil.model.Aggregation;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.model.ValueScale;
import org.vigil.timeseries.Frequency;

/**
 * The indicators Vigil knows from the start: real yearly series that public sources publish (the
 * Penn World Table extract shipped with the demo, and the Our World in Data sets users ingest, such
 * as VIOLENT_DEATH_RATE), and the synthetic monthly series of the demo generator, one per threat
 * domain plus river flow for the basins.
 */
public final class DemoIndicators {
  static final String SYNTHETIC_SOURCE = org.vigil.model.DemoSource.GENERATOR.text();

  private DemoIndicators() {}

  /** Real indicators (synthetic = false). */
  public static List<Indicator> real() {
    return List.of(
        real(
            "POPULATION",
            "Population",
            "Численность населения",
            ThreatDomain.ECONOMIC,
            "million persons",
            Polarity.NEUTRAL,
            Aggregation.SUM,
            "Penn World Table 9.1 (pop)"),
        real(
            "GDP_PPP",
            "Real GDP at PPP (expenditure side)",
            "Реальный ВВП по ППС",
            ThreatDomain.ECONOMIC,
            "million 2011 USD",
            Polarity.RISE_IS_GOOD,
            Aggregation.SUM,
            "Penn World Table 9.1 (rgdpe)"),
        real(
            "VIOLENT_DEATH_RATE",
            "Death rate from all forms of violence",
            "Смертность от всех форм насилия",
            ThreatDomain.ORGANISED_CRIME,
            "per 100,000",
            Polarity.RISE_IS_BAD,
            Aggregation.RATE,
            "IHME Global Burden of Disease 2016, via OWID"),
        real(
            "VIOLENT_DEATH_RATE_AGE_STD",
            "Age-standardised death rate from all forms of violence",
            "Стандартизованная по возрасту смертность от насилия",
            ThreatDomain.ORGANISED_CRIME,
            "per 100,000",
            Polarity.RISE_IS_BAD,
            Aggregation.RATE,
            "IHME Global Burden of Disease 2016, via OWID"),
        real(
            "VIOLENT_DEATHS",
            "Deaths from all forms of violence",
            "Число смертей от насилия",
            ThreatDomain.ORGANISED_CRIME,
            "deaths",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "IHME Global Burden of Disease 2016, via OWID"),
        real(
            "TERROR_INCIDENTS_RAND",
            "Terrorist incidents (RAND)",
            "Террористические инциденты (RAND)",
            ThreatDomain.TERRORISM,
            "incidents",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "RAND Database of Worldwide Terrorism Incidents, via OWID"),
        real(
            "TERROR_FATALITIES_RAND",
            "Fatalities from terrorism (RAND)",
            "Погибшие в результате терроризма (RAND)",
            ThreatDomain.TERRORISM,
            "deaths",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "RAND Database of Worldwide Terrorism Incidents, via OWID"),
        real(
            "MILITARY_EXPENDITURE_GDP",
            "Military expenditure, share of GDP",
            "Военные расходы, доля ВВП",
            ThreatDomain.ECONOMIC,
            "% of GDP",
            Polarity.NEUTRAL,
            Aggregation.MEAN,
            "SIPRI, via OWID"),
        real(
            "PRISON_RATE",
            "Prison population rate",
            "Численность заключённых на 100 тыс.",
            ThreatDomain.ORGANISED_CRIME,
            "per 100,000",
            Polarity.NEUTRAL,
            Aggregation.RATE,
            "World Prison Brief, via OWID"),
        real(
            "WATER_WITHDRAWAL_PER_CAPITA",
            "Total water withdrawal per capita",
            "Забор воды на душу населения",
            ThreatDomain.WATER,
            "m3 per person per year",
            Polarity.NEUTRAL,
            Aggregation.RATE,
            "FAO AQUASTAT, via OWID"),
        real(
            "WATER_WITHDRAWAL",
            "Total water withdrawal",
            "Общий забор воды",
            ThreatDomain.WATER,
            "billion m3 per year",
            Polarity.NEUTRAL,
            Aggregation.SUM,
            "FAO AQUASTAT, via OWID"));
  }

  /** The synthetic monthly indicators, one per threat domain (synthetic = true). */
  public static List<Indicator> synthetic() {
    return List.of(
        synth(
            "DEMO_TERROR_INCIDENTS",
            "Terrorist incidents (synthetic)",
            "Террористические инциденты (синтетические)",
            ThreatDomain.TERRORISM,
            "incidents",
            ""),
        synth(
            "DEMO_EXTREMISM_OFFENCES",
            "Extremism offences recorded (synthetic)",
            "Зарегистрированные преступления экстремистской направленности (синтетические)",
            ThreatDomain.EXTREMISM,
            "offences",
            ""),
        synth(
            "DEMO_ORGANISED_CRIME_OFFENCES",
            "Organised crime offences recorded (synthetic)",
            "Преступления организованных групп (синтетические)",
            ThreatDomain.ORGANISED_CRIME,
            "offences",
            ""),
        synth(
            "DEMO_DRUG_TRAFFICKING_OFFENCES",
            "Drug trafficking offences recorded (synthetic)",
            "Преступления, связанные со сбытом наркотиков (синтетические)",
            ThreatDomain.DRUG_TRAFFICKING,
            "offences",
            "06012"),
        synth(
            "DEMO_ILLEGAL_CROSSINGS",
            "Illegal border crossings detected (synthetic)",
            "Выявленные незаконные пересечения границы (синтетические)",
            ThreatDomain.ILLEGAL_MIGRATION,
            "detections",
            ""),
        synth(
            "DEMO_FIREARMS_SEIZED",
            "Illicit firearms seized (synthetic)",
            "Изъятое незаконное огнестрельное оружие (синтетические)",
            ThreatDomain.ARMS_TRAFFICKING,
            "firearms",
            ""),
        synth(
            "DEMO_ECONOMIC_OFFENCES",
            "Economic offences recorded (synthetic)",
            "Экономические преступления (синтетические)",
            ThreatDomain.ECONOMIC,
            "offences",
            ""),
        synth(
            "DEMO_CYBER_INCIDENTS",
            "Cyber incidents reported to the national CERT (synthetic)",
            "Компьютерные инциденты (синтетические)",
            ThreatDomain.INFORMATION,
            "incidents",
            ""),
        synth(
            "DEMO_INDUSTRIAL_ACCIDENTS",
            "Industrial accidents (synthetic)",
            "Техногенные аварии (синтетические)",
            ThreatDomain.TECHNOLOGICAL,
            "accidents",
            ""),
        synth(
            "DEMO_OUTBREAKS",
            "Infectious disease outbreaks reported (synthetic)",
            "Вспышки инфекционных заболеваний (синтетические)",
            ThreatDomain.BIOLOGICAL,
            "outbreaks",
            ""),
        synth(
            "DEMO_WATER_DEFICIT",
            "Water supply deficit (synthetic)",
            "Дефицит водоснабжения (синтетический)",
            ThreatDomain.WATER,
            "% of demand",
            ""),
        synth(
            "DEMO_RIVER_FLOW",
            "Mean river flow at the basin outlet (synthetic)",
            "Средний расход воды в замыкающем створе (синтетический)",
            ThreatDomain.WATER,
            "m3/s",
            ""));
  }

  /**
   * The water indicators the water engine computes from the demo basins ({@link DemoWater}): yearly
   * stress, per-capita water and deficit months, monthly reservoir levels; synthetic because the
   * basins' volumes are.
   */
  public static List<Indicator> water() {
    return List.of(
        water(
            "WATER_STRESS",
            "Water stress in the shared basins (withdrawal over renewable water less the"
                + " environmental flow, synthetic)",
            "Водный стресс в трансграничных бассейнах (забор к возобновляемым ресурсам за вычетом"
                + " экологического попуска, синтетический)",
            "%",
            Frequency.YEARLY,
            Polarity.RISE_IS_BAD,
            ValueScale.PERCENT_RATIO),
        water(
            "WATER_PER_CAPITA",
            "Renewable water of the shared basins per person (agreed share, synthetic)",
            "Возобновляемые водные ресурсы трансграничных бассейнов на человека (согласованная"
                + " доля, синтетические)",
            "m3 per person per year",
            Frequency.YEARLY,
            Polarity.RISE_IS_GOOD),
        water(
            "WATER_DEFICIT_MONTHS",
            "Months with a water supply deficit (synthetic)",
            "Месяцы с дефицитом водоподачи (синтетические)",
            "months",
            Frequency.YEARLY,
            Polarity.RISE_IS_BAD),
        water(
            "RESERVOIR_LEVEL",
            "Reservoir storage, share of capacity (synthetic)",
            "Наполнение водохранилищ, доля ёмкости (синтетическое)",
            "% of capacity",
            Frequency.MONTHLY,
            Polarity.RISE_IS_GOOD));
  }

  private static Indicator water(
      String code, String en, String ru, String unit, Frequency f, Polarity p) {
    return water(code, en, ru, unit, f, p, ValueScale.defaultFor(unit));
  }

  private static Indicator water(
      String code, String en, String ru, String unit, Frequency f, Polarity p, ValueScale s) {
    return new Indicator(
        code,
        en,
        ru,
        ThreatDomain.WATER,
        unit,
        f,
        "",
        p,
        Aggregation.MEAN,
        DemoWater.SOURCE,
        true,
        s);
  }

  private static Indicator real(
      String code,
      String en,
      String ru,
      ThreatDomain d,
      String unit,
      Polarity p,
      Aggregation a,
      String source) {
    return new Indicator(code, en, ru, d, unit, Frequency.YEARLY, "", p, a, source, false);
  }

  private static Indicator synth(
      String code, String en, String ru, ThreatDomain d, String unit, String iccs) {
    boolean level = unit.startsWith("%") || unit.equals("m3/s");
    return new Indicator(
        code,
        en,
        ru,
        d,
        unit,
        Frequency.MONTHLY,
        iccs,
        code.equals("DEMO_RIVER_FLOW") ? Polarity.RISE_IS_GOOD : Polarity.RISE_IS_BAD,
        level ? Aggregation.MEAN : Aggregation.SUM,
        SYNTHETIC_SOURCE,
        true);
  }
}
