package org.madoguchi.connectors.notice;

import java.util.List;

/**
 * What a move-out notice import did: either every notice of the file was taken (those kept already skipped),
 * or, when a row has a problem, none was. Problems name a line, a column and what is wrong, never the value
 * that was found there: the report may be shown, logged and mailed.
 *
 * @param rows the data rows read (the header not counted)
 * @param imported the ids of the notices stored now, in file order
 * @param alreadyKept the ids of the notices that were kept before and so left as they were
 * @param problems what stopped the import; empty when it succeeded
 */
public record MoveOutNoticeImportReport(int rows, List<String> imported, List<String> alreadyKept,
    List<Problem> problems) {

  public MoveOutNoticeImportReport {
    imported = List.copyOf(imported);
    alreadyKept = List.copyOf(alreadyKept);
    problems = List.copyOf(problems);
  }

  static MoveOutNoticeImportReport rejected(int rows, List<Problem> problems) {
    return new MoveOutNoticeImportReport(rows, List.of(), List.of(), problems);
  }

  /** Whether the file was imported (possibly with nothing new in it). */
  public boolean succeeded() {
    return problems.isEmpty();
  }

  /**
   * One problem of the file.
   *
   * @param line the 1-based line of the file the row starts on (1 is the header; 0: the file as a whole)
   * @param column the column's header name, or {@code null} when the problem is the row's or the file's
   * @param message what is wrong and how to put it right, without the value found
   */
  public record Problem(int line, String column, String message) {

    @Override
    public String toString() {
      return "line " + line + (column == null ? "" : ", " + column) + ": " + message;
    }
  }
}
