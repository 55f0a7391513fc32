package org.vigil.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates, absolute ("12 March 2024", "March 12, 2024", "2024-03-12", "12.03.2024", "12 марта
 * 2024 года") and relative to the published date ("yesterday", "on Monday", "вчера", "в
 * понедельник", "3 days ago", "3 дня назад"). Pure and thread-safe.
 */
final class DateExtractor {
  private static final Map<String, Integer> MONTHS = months();
  private static final Map<String, DayOfWeek> DAYS = days();

  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
          + "|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
          + "|октябр[ья]|ноябр[ья]|декабр[ья])";
  private static final Pattern DMY =
      Pattern.compile("(?iu)\\b(\\d{1,2})\\s+" + MONTH + "\\.?,?\\s+(\\d{4})(?:\\s+г(?:ода|\\.))?");
  private static final Pattern MDY =
      Pattern.compile("(?iu)\\b" + MONTH + "\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?iu)\\b(yesterday|today|tomorrow|вчера|сегодня|завтра|позавчера"
              + "|last week|на прошлой неделе|last month|в прошлом месяце)\\b");
  private static final Pattern AGO =
      Pattern.compile(
          "(?iu)\\b(\\d{1,3})\\s+(days?|weeks?|дн(?:я|ей)|день|недел[ьию]+)\\s+(ago|назад)");
  private static final Pattern WEEKDAY =
      Pattern.compile(
          "(?iu)\\b(?:on|в|во)\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
              + "|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\\b");

  private DateExtractor() {}

  static List<Extraction.DateFinding> find(String text, LocalDate published) {
    List<Extraction.DateFinding> out = new ArrayList<>();
    Matcher m = DMY.matcher(text);
    while (m.find()) {
      add(out, m, m.group(3), month(m.group(2)), m.group(1));
    }
    m = MDY.matcher(text);
    while (m.find()) {
      add(out, m, m.group(3), month(m.group(1)), m.group(2));
    }
    m = ISO.matcher(text);
    while (m.find()) {
      add(out, m, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = DOTTED.matcher(text);
    while (m.find()) {
      add(out, m, m.group(3), Integer.parseInt(m.group(2)), m.group(1));
    }
    relative(text, published, out);
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static void relative(String text, LocalDate published, List<Extraction.DateFinding> out) {
    Matcher m = RELATIVE.matcher(text);
    while (m.find()) {
      LocalDate d =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "yesterday", "вчера" -> published.minusDays(1);
            case "позавчера" -> published.minusDays(2);
            case "tomorrow", "завтра" -> published.plusDays(1);
            case "last week", "на прошлой неделе" -> published.minusWeeks(1);
            case "last month", "в прошлом месяце" -> published.minusMonths(1);
            default -> published;
          };
      out.add(new Extraction.DateFinding(d, true, 0.8, m.group(), m.start(), m.end()));
    }
    m = AGO.matcher(text);
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      LocalDate d =
          unit.startsWith("week") || unit.startsWith("недел")
              ? published.minusWeeks(n)
              : published.minusDays(n);
      out.add(new Extraction.DateFinding(d, true, 0.8, m.group(), m.start(), m.end()));
    }
    m = WEEKDAY.matcher(text);
    while (m.find()) {
      DayOfWeek dow = DAYS.get(m.group(1).toLowerCase(Locale.ROOT));
      LocalDate d = published.with(TemporalAdjusters.previousOrSame(dow));
      out.add(new Extraction.DateFinding(d, true, 0.7, m.group(), m.start(), m.end()));
    }
  }

  private static void add(
      List<Extraction.DateFinding> out, Matcher m, String y, int month, String day) {
    for (Extraction.DateFinding f : out) {
      if (m.start() < f.end() && f.start() < m.end()) {
        return;
      }
    }
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(y), month, Integer.parseInt(day));
      out.add(new Extraction.DateFinding(d, false, 0.95, m.group(), m.start(), m.end()));
    } catch (DateTimeException | NumberFormatException e) {
      // not a calendar date ("31.02.2024"): not a finding
    }
  }

  private static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
      if (w.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return 0;
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    String[] en = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    String[] ru = {
      "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"
    };
    for (int i = 0; i < 12; i++) {
      m.put(en[i], i + 1);
    }
    for (int i = 0; i < 12; i++) {
      if (i != 4) {
        m.put(ru[i], i + 1);
      }
    }
    m.put("ма", 5);
    return m;
  }

  private static Map<String, DayOfWeek> days() {
    Map<String, DayOfWeek> m = new java.util.HashMap<>();
    String[] en = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    String[] ru = {
      "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"
    };
    for (int i = 0; i < 7; i++) {
      m.put(en[i], DayOfWeek.of(i + 1));
      m.put(ru[i], DayOfWeek.of(i + 1));
    }
    return m;
  }
}
