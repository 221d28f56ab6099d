package org.madoguchi.bpr;

/** A file that cannot be measured because it is missing, not XML, or not valid BPMN 2.0. */
public class InvalidBpmnException extends Exception {

  private final String file;
  private final String reason;

  public InvalidBpmnException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file, as given. */
  public String file() {
    return file;
  }

  /** Why it cannot be read, in one line. */
  public String reason() {
    return reason;
  }
}
