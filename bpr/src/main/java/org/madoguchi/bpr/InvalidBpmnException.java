package org.madoguchi.bpr;

/** A file that cannot be measured because it is missing, not XML, or not valid BPMN 2.0. */
public class InvalidBpmnException extends InvalidInputException {

  public InvalidBpmnException(String file, String reason, Throwable cause) {
    super(file, reason, cause);
  }
}
