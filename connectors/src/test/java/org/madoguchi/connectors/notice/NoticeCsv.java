package org.madoguchi.connectors.notice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds move-out notice CSV files for tests: realistic synthetic rows, any column overridden. */
final class NoticeCsv {

  private final List<String> columns;
  private final List<Map<String, String>> rows = new ArrayList<>();

  NoticeCsv() {
    this(CsvMoveOutNoticeImporter.COLUMNS);
  }

  NoticeCsv(List<String> columns) {
    this.columns = columns;
  }

  /** The head of notice {@code noticeId}: 鹿児島 太郎, moving from 千代田区 to 鹿児島市. */
  static Map<String, String> head(String noticeId) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("notice_id", noticeId);
    row.put("source", "JUKI_NET");
    row.put("to_municipality_code", "462012");
    row.put("from_municipality_code", "131016");
    row.put("from_municipality_name", "東京都千代田区");
    row.put("from_address", "東京都千代田区永田町1丁目7番1号");
    row.put("moved_out_on", "R8.11.15");
    row.put("planned_move_date", "令和8年11月20日");
    row.put("planned_postal_code", "892-8677");
    row.put("planned_address", "鹿児島県鹿児島市山下町11番1号");
    row.put("planned_address_line2", "");
    row.put("member_id", "m1");
    row.put("family_name", "鹿児島");
    row.put("given_name", "太郎");
    row.put("family_name_kana", "ｶｺﾞｼﾏ");
    row.put("given_name_kana", "たろう");
    row.put("birth_date", "1985-04-02");
    row.put("sex", "MALE");
    row.put("relationship", "世帯主");
    row.put("household_head", "1");
    row.put("nhi_insured", "1");
    row.put("late_stage_elderly_insured", "0");
    row.put("long_term_care_certified", "0");
    row.put("national_pension_insured", "1");
    row.put("child_allowance_recipient", "0");
    row.put("holds_my_number_card", "1");
    return row;
  }

  /** Another member of the head's notice: 鹿児島 花子, the wife. */
  static Map<String, String> wife(String noticeId) {
    Map<String, String> row = head(noticeId);
    row.put("member_id", "m2");
    row.put("given_name", "花子");
    row.put("given_name_kana", "ﾊﾅｺ");
    row.put("birth_date", "S62.9.9");
    row.put("sex", "FEMALE");
    row.put("relationship", "妻");
    row.put("household_head", "0");
    row.put("holds_my_number_card", "0");
    return row;
  }

  /** A child of the head's notice. */
  static Map<String, String> child(String noticeId, String memberId, String givenName, String givenNameKana) {
    Map<String, String> row = head(noticeId);
    row.put("member_id", memberId);
    row.put("given_name", givenName);
    row.put("given_name_kana", givenNameKana);
    row.put("birth_date", "平成30年6月1日");
    row.put("relationship", "子");
    row.put("household_head", "0");
    row.put("nhi_insured", "1");
    row.put("national_pension_insured", "0");
    row.put("holds_my_number_card", "0");
    return row;
  }

  /** {@code row} with {@code column} set to {@code value}. */
  static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.put(column, value);
    return changed;
  }

  NoticeCsv row(Map<String, String> row) {
    rows.add(row);
    return this;
  }

  String text() {
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (Map<String, String> row : rows) {
      csv.append(columns.stream().map(c -> field(row.getOrDefault(c, ""))).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
