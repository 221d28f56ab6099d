package org.madoguchi.bpr.simulation;

import org.madoguchi.bpr.InvalidInputException;

/** A scenario file that cannot be simulated: not YAML, a key missing or unknown, a value out of range. */
public class InvalidScenarioException extends InvalidInputException {

  public InvalidScenarioException(String file, String reason, Throwable cause) {
    super(file, reason, cause);
  }
}
