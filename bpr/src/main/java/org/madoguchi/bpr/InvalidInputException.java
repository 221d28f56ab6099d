package org.madoguchi.bpr;

/** An input file the tool cannot use: which file, and why in one line. */
public abstract class InvalidInputException extends Exception {

  private final String file;
  private final String reason;

  protected InvalidInputException(String file, String reason, Throwable cause) {
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
