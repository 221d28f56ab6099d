package org.madoguchi.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as a municipal form writes them: in the Japanese calendar (和暦), with the first year of an era written
 * 元年, and the Gregorian date beside it. (The connectors module has its own; the forms library depends on nothing
 * of Madoguchi's.)
 */
final class JapaneseDates {

  private static final Map<JapaneseEra, String> ERA_NAMES = Map.of(
      JapaneseEra.MEIJI, "明治",
      JapaneseEra.TAISHO, "大正",
      JapaneseEra.SHOWA, "昭和",
      JapaneseEra.HEISEI, "平成",
      JapaneseEra.REIWA, "令和");
  /** Converting is slow (the JDK's era calendar) and a visit's applications print the same few dates again. */
  private static final int MAX_REMEMBERED = 4_096;
  private static final Map<LocalDate, String> REMEMBERED = new ConcurrentHashMap<>();

  private JapaneseDates() {
  }

  /**
   * For example 令和元年5月1日 or 昭和60年4月2日; a date before the Japanese calendar starts in Java (明治6年,
   * 1873) in the Gregorian calendar only.
   */
  static String wareki(LocalDate date) {
    String known = REMEMBERED.get(date);
    if (known != null) {
      return known;
    }
    if (REMEMBERED.size() >= MAX_REMEMBERED) {
      REMEMBERED.clear();
    }
    String converted = convert(date);
    REMEMBERED.put(date, converted);
    return converted;
  }

  private static String convert(LocalDate date) {
    JapaneseDate japanese;
    try {
      japanese = JapaneseDate.from(date);
    } catch (DateTimeException e) {
      return gregorian(date);
    }
    JapaneseEra era = japanese.getEra();
    String eraName = ERA_NAMES.getOrDefault(era, era.getDisplayName(TextStyle.FULL, Locale.JAPAN));
    int year = japanese.get(ChronoField.YEAR_OF_ERA);
    return eraName + (year == 1 ? "元" : Integer.toString(year)) + "年"
        + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** For example 2019年5月1日. */
  static String gregorian(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** Both, as a form prints a date: 令和元年5月1日（2019年5月1日）. */
  static String both(LocalDate date) {
    String wareki = wareki(date);
    String gregorian = gregorian(date);
    return wareki.equals(gregorian) ? gregorian : wareki + "（" + gregorian + "）";
  }
}
