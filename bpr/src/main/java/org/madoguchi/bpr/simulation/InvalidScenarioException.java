package org.madoguchi.bpr.simulation;

/** A scenario file that cannot be simulated: not YAML, a key missing or unknown, a value out of range. */
public class InvalidScenarioException extends Exception {

  private final String file;
  private final String reason;

  public InvalidScenarioException(String file, String reason, Throwable cause) {
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
