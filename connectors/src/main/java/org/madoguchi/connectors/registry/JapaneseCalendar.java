package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * Dates in the Japanese calendar (和暦), as the registry shows them beside the Gregorian date it keeps.
 * The first year of an era is written 元年, as on every municipal form.
 */
public final class JapaneseCalendar {

  private static final Map<JapaneseEra, String> ERA_NAMES = Map.of(
      JapaneseEra.MEIJI, "明治",
      JapaneseEra.TAISHO, "大正",
      JapaneseEra.SHOWA, "昭和",
      JapaneseEra.HEISEI, "平成",
      JapaneseEra.REIWA, "令和");

  private JapaneseCalendar() {
  }

  /** For example 令和元年5月1日 or 昭和60年4月2日. */
  public static String format(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    String era = ERA_NAMES.getOrDefault(japanese.getEra(), japanese.getEra().toString());
    int year = japanese.get(ChronoField.YEAR_OF_ERA);
    return era + (year == 1 ? "元" : Integer.toString(year)) + "年"
        + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
