package org.madoguchi.connectors.registry;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as files and people write it: ISO 8601 ({@code 2026-11-20}) or the Japanese calendar (和暦)
 * with the era's letter ({@code R8.11.20}, {@code H31.4.30}, {@code S60/4/2}) or its name
 * ({@code 令和8年11月20日}, {@code 令和元年5月1日}). Full-width digits and the one-character era signs (㋿, ㍻)
 * are read too. A date that does not exist, or does not exist in the era named (平成31年5月1日), is refused.
 */
public final class DateInput {

  private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(
      Map.entry("M", JapaneseEra.MEIJI), Map.entry("明治", JapaneseEra.MEIJI),
      Map.entry("T", JapaneseEra.TAISHO), Map.entry("大正", JapaneseEra.TAISHO),
      Map.entry("S", JapaneseEra.SHOWA), Map.entry("昭和", JapaneseEra.SHOWA),
      Map.entry("H", JapaneseEra.HEISEI), Map.entry("平成", JapaneseEra.HEISEI),
      Map.entry("R", JapaneseEra.REIWA), Map.entry("令和", JapaneseEra.REIWA));

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ERA_LETTER = Pattern.compile("([MTSHR])\\s*(\\d{1,2}|元)[./](\\d{1,2})[./](\\d{1,2})");
  private static final Pattern ERA_NAME =
      Pattern.compile("(明治|大正|昭和|平成|令和)\\s*(\\d{1,2}|元)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

  private DateInput() {
  }

  /**
   * The date {@code text} writes.
   *
   * @throws DateTimeException when it is no date in a form above; the message does not quote the text
   */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DateTimeException("no date");
    }
    String date = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
    if (ISO.matcher(date).matches()) {
      try {
        return LocalDate.parse(date);
      } catch (DateTimeParseException noSuchDay) {
        throw new DateTimeException("no such day in the calendar");
      }
    }
    Matcher letter = ERA_LETTER.matcher(date);
    if (letter.matches()) {
      return japanese(letter);
    }
    Matcher name = ERA_NAME.matcher(date);
    if (name.matches()) {
      return japanese(name);
    }
    throw new DateTimeException("not a date: write YYYY-MM-DD, or 和暦 such as R8.11.20 or 令和8年11月20日");
  }

  private static LocalDate japanese(Matcher m) {
    JapaneseEra era = ERAS.get(m.group(1));
    int year = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
    try {
      return LocalDate.from(JapaneseDate.of(era, year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    } catch (DateTimeException noSuchDay) {
      throw new DateTimeException("no such day in the Japanese calendar (or not within that era)");
    }
  }
}
