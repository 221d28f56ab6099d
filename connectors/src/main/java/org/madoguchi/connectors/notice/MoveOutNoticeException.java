package org.madoguchi.connectors.notice;

/**
 * A move-out notice could not be read or marked. Its message says which operation failed and how, and
 * never carries personal data.
 */
public class MoveOutNoticeException extends RuntimeException {

  public MoveOutNoticeException(String message) {
    super(message);
  }
}
