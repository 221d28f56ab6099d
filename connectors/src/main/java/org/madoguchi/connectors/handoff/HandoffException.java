package org.madoguchi.connectors.handoff;

/**
 * A hand-over could not be completed, or its outcome is not known. Its message says which department and
 * what failed, never personal data: the engine retries the job and then raises an incident an operator can
 * retry, and a retry hands the case over at most once (the idempotency key sees to that).
 */
public class HandoffException extends RuntimeException {

  public HandoffException(String message) {
    super(message);
  }
}
