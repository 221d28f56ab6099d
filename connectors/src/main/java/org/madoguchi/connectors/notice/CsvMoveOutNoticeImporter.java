package org.madoguchi.connectors.notice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.madoguchi.connectors.notice.MoveOutNoticeImportReport.Problem;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.connectors.registry.DateInput;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.Kana;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Imports move-out notices from a CSV file in the layout of {@code connectors/docs/move-out-notice-csv.md}:
 * UTF-8 (a byte order mark is allowed), a header row, one row per household member, the notice's own
 * columns repeated on each of its rows.
 *
 * <p>Every row is checked before anything is stored: local government codes and their check digits, dates
 * (ISO or 和暦), readings (normalised to full-width katakana with {@link Kana}), flags, lengths, one
 * household head per notice, and that the rows of one notice agree on the notice's columns. A file with a
 * problem is refused whole and the report lists every problem by line and column, never with the value
 * found. A file without one is stored in one transaction; notices kept already (by id) are skipped, so
 * importing the same file again changes nothing.
 */
public class CsvMoveOutNoticeImporter {

  /** The columns of the layout, in the order a file writes them. */
  public static final List<String> COLUMNS = List.of(
      "notice_id", "source", "to_municipality_code", "from_municipality_code", "from_municipality_name",
      "from_address", "moved_out_on", "planned_move_date", "planned_postal_code", "planned_address",
      "planned_address_line2",
      "member_id", "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
      "relationship", "household_head", "nhi_insured", "late_stage_elderly_insured", "long_term_care_certified",
      "national_pension_insured", "child_allowance_recipient", "holds_my_number_card");

  /** The columns that describe the notice rather than the member: every row of a notice repeats them. */
  static final List<String> NOTICE_COLUMNS = COLUMNS.subList(0, COLUMNS.indexOf("member_id"));

  private static final Logger log = LoggerFactory.getLogger(CsvMoveOutNoticeImporter.class);
  private static final Pattern NOTICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
  private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{3}-?\\d{4}");

  private final MoveOutNoticeStore store;
  private final TransactionOperations transaction;
  private final Clock clock;

  /**
   * @param store where the notices go
   * @param transaction the transaction the notices of one file are stored in, so that a failing store keeps
   *     none of them ({@link TransactionOperations#withoutTransaction()} for a store that needs none)
   * @param clock today, for birth dates that must not be in the future
   */
  public CsvMoveOutNoticeImporter(MoveOutNoticeStore store, TransactionOperations transaction, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.transaction = Objects.requireNonNull(transaction, "transaction");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Imports the file at {@code csv}. */
  public MoveOutNoticeImportReport importFile(Path csv) throws IOException {
    return importCsv(Files.readAllBytes(csv));
  }

  /** Imports what {@code csv} gives, read to its end (the stream is not closed). */
  public MoveOutNoticeImportReport importCsv(InputStream csv) throws IOException {
    return importCsv(csv.readAllBytes());
  }

  /** Imports the bytes of a CSV file. */
  public MoveOutNoticeImportReport importCsv(byte[] csv) {
    List<Problem> problems = new ArrayList<>();
    String text = decode(csv, problems);
    if (text == null) {
      return MoveOutNoticeImportReport.rejected(0, problems);
    }
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.read(text);
    } catch (CsvReader.MalformedCsv malformed) {
      return MoveOutNoticeImportReport.rejected(0, List.of(new Problem(malformed.line(), null,
          malformed.getMessage())));
    }
    if (rows.isEmpty()) {
      return MoveOutNoticeImportReport.rejected(0, List.of(new Problem(1, null,
          "the file is empty: it needs the header row (" + String.join(",", COLUMNS) + ")")));
    }
    Map<String, Integer> header = header(rows.get(0), problems);
    List<CsvReader.Row> data = rows.subList(1, rows.size());
    if (!problems.isEmpty()) {
      return MoveOutNoticeImportReport.rejected(data.size(), problems);
    }

    Map<String, NoticeRows> notices = new LinkedHashMap<>();
    Set<String> incomplete = new HashSet<>(); // notices with a row that failed: their head is not known
    for (CsvReader.Row row : data) {
      RowReader reader = new RowReader(row, header, problems, LocalDate.now(clock));
      ParsedRow parsed = reader.read();
      if (parsed != null) {
        notices.computeIfAbsent((String) parsed.notice().get("notice_id"), id -> new NoticeRows())
            .add(parsed, problems);
      } else if (reader.noticeId() != null) {
        incomplete.add(reader.noticeId());
      }
    }
    notices.forEach((id, notice) -> {
      if (!incomplete.contains(id)) {
        notice.checkHead(problems);
      }
    });
    if (!problems.isEmpty()) {
      problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(column(a), column(b)));
      log.info("move-out notice import refused: {} problems in {} rows", problems.size(), data.size());
      return MoveOutNoticeImportReport.rejected(data.size(), problems);
    }
    return store(data.size(), notices.values().stream().map(NoticeRows::toNotice).toList());
  }

  private MoveOutNoticeImportReport store(int rows, List<MoveOutNotice> notices) {
    List<String> imported = new ArrayList<>();
    List<String> alreadyKept = new ArrayList<>();
    transaction.executeWithoutResult(status -> {
      for (MoveOutNotice notice : notices) {
        if (store.contains(notice.id())) {
          alreadyKept.add(notice.id());
        } else {
          store.add(notice);
          imported.add(notice.id());
        }
      }
    });
    log.info("move-out notice import: {} notices stored, {} kept before, from {} rows", imported.size(),
        alreadyKept.size(), rows);
    return new MoveOutNoticeImportReport(rows, imported, alreadyKept, List.of());
  }

  private static int column(Problem problem) {
    return problem.column() == null ? -1 : COLUMNS.indexOf(problem.column());
  }

  // --- the file --------------------------------------------------------------------------------------

  /** Strict UTF-8 without a leading byte order mark, or null with a problem naming the line. */
  private static String decode(byte[] csv, List<Problem> problems) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(csv);
    CharBuffer out = CharBuffer.allocate(csv.length);
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      result = utf8.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (csv[i] == '\n') {
          line++;
        }
      }
      problems.add(new Problem(line, null, "the file is not UTF-8 (a Shift_JIS export?): save it as UTF-8"));
      return null;
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Map<String, Integer> header(CsvReader.Row row, List<Problem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < row.fields().size(); i++) {
      String name = row.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        problems.add(new Problem(row.line(), null, "header column " + (i + 1) + " is not a column of the layout"
            + (name.length() <= 40 && name.matches("[a-z0-9_]*") ? " (" + name + ")" : "")));
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(new Problem(row.line(), name, "the header names this column twice"));
      }
    }
    for (String column : COLUMNS) {
      if (!columns.containsKey(column)) {
        problems.add(new Problem(row.line(), column, "the header lacks this column"));
      }
    }
    return columns;
  }

  // --- one row ---------------------------------------------------------------------------------------

  /** A row that passed its own checks: the notice's columns (parsed) and the member it describes. */
  private record ParsedRow(int line, Map<String, Object> notice, HouseholdMember member) {
  }

  /** Reads one row, adding a problem for each column that does not pass. */
  private static final class RowReader {

    private final CsvReader.Row row;
    private final Map<String, Integer> header;
    private final List<Problem> problems;
    private final LocalDate today;
    private boolean failed;

    RowReader(CsvReader.Row row, Map<String, Integer> header, List<Problem> problems, LocalDate today) {
      this.row = row;
      this.header = header;
      this.problems = problems;
      this.today = today;
    }

    ParsedRow read() {
      if (row.fields().size() != header.size()) {
        problems.add(new Problem(row.line(), null, "the row has " + row.fields().size()
            + " fields where the header has " + header.size() + " (a comma inside a field needs quotes)"));
        return null;
      }
      Map<String, Object> notice = new LinkedHashMap<>();
      notice.put("notice_id", id("notice_id", NOTICE_ID, 20));
      notice.put("source", source());
      notice.put("to_municipality_code", municipalityCode("to_municipality_code"));
      notice.put("from_municipality_code", municipalityCode("from_municipality_code"));
      notice.put("from_municipality_name", text("from_municipality_name", 100, true));
      notice.put("from_address", text("from_address", 300, true));
      notice.put("moved_out_on", date("moved_out_on", false));
      notice.put("planned_move_date", date("planned_move_date", false));
      notice.put("planned_postal_code", postalCode());
      notice.put("planned_address", text("planned_address", 300, false));
      notice.put("planned_address_line2", text("planned_address_line2", 200, false));

      String memberId = id("member_id", MEMBER_ID, 40);
      String familyName = text("family_name", 100, true);
      String givenName = text("given_name", 100, true);
      String familyNameKana = kana("family_name_kana");
      String givenNameKana = kana("given_name_kana");
      LocalDate birthDate = date("birth_date", true);
      if (birthDate != null && birthDate.isAfter(today)) {
        problem("birth_date", "the birth date is in the future");
      }
      Sex sex = sex();
      String relationship = text("relationship", 40, true);
      Boolean head = flag("household_head");
      StatusFlags flags = new StatusFlags(flagOrFalse("nhi_insured"), flagOrFalse("late_stage_elderly_insured"),
          flagOrFalse("long_term_care_certified"), flagOrFalse("national_pension_insured"),
          flagOrFalse("child_allowance_recipient"), flagOrFalse("holds_my_number_card"));
      if (failed) {
        return null;
      }
      return new ParsedRow(row.line(), notice, new HouseholdMember(memberId,
          new PersonName(familyName, givenName, familyNameKana, givenNameKana), birthDate, sex, relationship,
          head, flags));
    }

    /** The row's notice id as written, or null when the row has not the header's number of fields. */
    String noticeId() {
      return row.fields().size() == header.size() ? raw("notice_id") : null;
    }

    private String raw(String column) {
      return row.fields().get(header.get(column)).strip();
    }

    /** The value with full-width digits, letters and signs made ASCII, for codes, dates and flags. */
    private String ascii(String column) {
      return Normalizer.normalize(raw(column), Normalizer.Form.NFKC).strip();
    }

    private void problem(String column, String message) {
      problems.add(new Problem(row.line(), column, message));
      failed = true;
    }

    private String text(String column, int maxLength, boolean required) {
      String value = raw(column);
      if (value.isEmpty()) {
        if (required) {
          problem(column, "required");
        }
        return null;
      }
      if (value.length() > maxLength) {
        problem(column, "longer than " + maxLength + " characters");
      } else if (value.chars().anyMatch(Character::isISOControl)) {
        problem(column, "holds a line break or another control character");
      }
      return value;
    }

    private String id(String column, Pattern pattern, int maxLength) {
      String value = raw(column);
      if (value.isEmpty()) {
        problem(column, "required");
      } else if (!pattern.matcher(value).matches()) {
        problem(column, "1 to " + maxLength + " ASCII letters, digits, '-' or '_'");
      }
      return value;
    }

    private MoveOutNotice.Source source() {
      String value = ascii("source").toUpperCase(Locale.ROOT);
      for (MoveOutNotice.Source source : MoveOutNotice.Source.values()) {
        if (source.name().equals(value)) {
          return source;
        }
      }
      problem("source", value.isEmpty() ? "required" : "JUKI_NET or ONLINE_MOVING_SERVICE");
      return null;
    }

    private String municipalityCode(String column) {
      String value = ascii(column);
      if (value.isEmpty()) {
        problem(column, "required");
      } else if (!value.matches("\\d{6}")) {
        problem(column, "a local government code has 6 digits");
      } else if (!CheckDigits.isValidLocalGovernmentCode(value)) {
        problem(column, "the check digit (6th digit) of the local government code is wrong");
      }
      return value;
    }

    private LocalDate date(String column, boolean required) {
      String value = raw(column);
      if (value.isEmpty()) {
        if (required) {
          problem(column, "required");
        }
        return null;
      }
      try {
        return DateInput.parse(value);
      } catch (DateTimeException notADate) {
        problem(column, notADate.getMessage());
        return null;
      }
    }

    private String postalCode() {
      String value = ascii("planned_postal_code");
      if (value.isEmpty()) {
        return null;
      }
      if (!POSTAL_CODE.matcher(value).matches()) {
        problem("planned_postal_code", "a postal code has 7 digits (1234567 or 123-4567)");
        return null;
      }
      return value.replace("-", "");
    }

    private String kana(String column) {
      String value = raw(column);
      if (value.isEmpty()) {
        problem(column, "required");
        return null;
      }
      try {
        String katakana = Kana.normalise(value);
        if (katakana.length() > 200) {
          problem(column, "longer than 200 characters");
        }
        return katakana;
      } catch (Kana.NotKanaException notKana) {
        problem(column, notKana.getMessage());
        return null;
      }
    }

    private Sex sex() {
      String value = ascii("sex").toUpperCase(Locale.ROOT);
      switch (value) {
        case "MALE", "男", "1":
          return Sex.MALE;
        case "FEMALE", "女", "2":
          return Sex.FEMALE;
        default:
          problem("sex", value.isEmpty() ? "required" : "MALE or FEMALE (男/女, or 1/2 as JIS X 0303 writes it)");
          return null;
      }
    }

    private Boolean flag(String column) {
      String value = ascii(column);
      switch (value) {
        case "1":
          return true;
        case "0":
          return false;
        default:
          problem(column, value.isEmpty() ? "required: 0 or 1" : "0 or 1");
          return null;
      }
    }

    private boolean flagOrFalse(String column) {
      return Boolean.TRUE.equals(flag(column));
    }
  }

  // --- one notice --------------------------------------------------------------------------------------

  /** The rows of one notice, checked against each other. */
  private static final class NoticeRows {

    private final List<ParsedRow> rows = new ArrayList<>();

    void add(ParsedRow row, List<Problem> problems) {
      if (!rows.isEmpty()) {
        ParsedRow first = rows.get(0);
        for (String column : NOTICE_COLUMNS) {
          if (!Objects.equals(first.notice().get(column), row.notice().get(column))) {
            problems.add(new Problem(row.line(), column, "differs from line " + first.line()
                + " of the same notice: every row of a notice repeats the notice's columns"));
          }
        }
        for (ParsedRow earlier : rows) {
          if (earlier.member().id().equals(row.member().id())) {
            problems.add(new Problem(row.line(), "member_id", "the same member is on line " + earlier.line()));
          }
        }
      }
      rows.add(row);
    }

    void checkHead(List<Problem> problems) {
      ParsedRow firstHead = null;
      for (ParsedRow row : rows) {
        if (row.member().householdHead()) {
          if (firstHead == null) {
            firstHead = row;
          } else {
            problems.add(new Problem(row.line(), "household_head", "a second household head for this notice "
                + "(the first is on line " + firstHead.line() + ")"));
          }
        }
      }
      if (firstHead == null) {
        problems.add(new Problem(rows.get(0).line(), "household_head",
            "this notice has no household head: write 1 on exactly one of its rows"));
      }
    }

    MoveOutNotice toNotice() {
      Map<String, Object> n = rows.get(0).notice();
      return new MoveOutNotice(
          (String) n.get("notice_id"),
          (MoveOutNotice.Source) n.get("source"),
          (String) n.get("to_municipality_code"),
          (String) n.get("from_municipality_code"),
          (String) n.get("from_municipality_name"),
          (String) n.get("from_address"),
          (LocalDate) n.get("moved_out_on"),
          (LocalDate) n.get("planned_move_date"),
          (String) n.get("planned_postal_code"),
          (String) n.get("planned_address"),
          (String) n.get("planned_address_line2"),
          rows.stream().map(ParsedRow::member).toList());
    }
  }
}
