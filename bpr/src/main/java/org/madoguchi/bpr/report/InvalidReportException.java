package org.madoguchi.bpr.report;

/** A report definition that cannot be used: not YAML, a key missing or unknown, a figure that does not fit. */
public class InvalidReportException extends Exception {

  private final String file;
  private final String reason;

  public InvalidReportException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file, as given. */
  public String file() {
    return file;
  }

  /** What is wrong, in one line. */
  public String reason() {
    return reason;
  }
}
