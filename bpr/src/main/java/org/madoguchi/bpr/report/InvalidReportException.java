package org.madoguchi.bpr.report;

import org.madoguchi.bpr.InvalidInputException;

/** A report definition that cannot be used: not YAML, a key missing or unknown, a figure that does not fit. */
public class InvalidReportException extends InvalidInputException {

  public InvalidReportException(String file, String reason, Throwable cause) {
    super(file, reason, cause);
  }
}
