package org.madoguchi.connectors.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes (""), records end with CRLF or LF. Each record keeps the line it starts
 * on, so that a problem can be reported by line; a line with nothing on it is no record. Malformed quoting
 * is reported by line and never quotes the text.
 */
final class CsvReader {

  /** One record and the (1-based) line of the text it starts on. */
  record Row(int line, List<String> fields) {
  }

  /** Quoting that RFC 4180 does not allow. */
  static final class MalformedCsv extends Exception {

    private final int line;

    MalformedCsv(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private CsvReader() {
  }

  static List<Row> read(String text) throws MalformedCsv {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean afterQuote = false; // a quoted field has closed: only a comma or the end of the record may follow
    boolean fieldStarted = false;
    int quoteLine = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
        fieldStarted = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord(rows, fields, field, rowLine, fieldStarted);
        afterQuote = false;
        fieldStarted = false;
        line++;
        rowLine = line;
      } else if (afterQuote) {
        throw new MalformedCsv(line, "text after the closing quote of a field; double a quote inside a "
            + "quoted field (\"\")");
      } else if (c == '"') {
        if (field.length() > 0) {
          throw new MalformedCsv(line, "a quote inside an unquoted field; quote the whole field and double "
              + "the quote (\"\")");
        }
        quoted = true;
        quoteLine = line;
        fieldStarted = true;
      } else {
        field.append(c);
        fieldStarted = true;
      }
      i++;
    }
    if (quoted) {
      throw new MalformedCsv(quoteLine, "a quoted field is never closed");
    }
    endRecord(rows, fields, field, rowLine, fieldStarted);
    return rows;
  }

  private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, int line,
      boolean fieldStarted) {
    if (fieldStarted || field.length() > 0) {
      fields.add(field.toString());
      rows.add(new Row(line, List.copyOf(fields)));
    }
    fields.clear();
    field.setLength(0);
  }
}
