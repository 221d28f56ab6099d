package org.madoguchi.connectors.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a change request passes when it is made, so that no implementation writes or sends a request
 * the registry would have to refuse for its form. Messages name the field, never its value.
 */
final class RequestChecks {

  /** The Idempotency-Key header of the registry API allows this many characters. */
  static final int MAX_REQUEST_ID_LENGTH = 64;

  private RequestChecks() {
  }

  static String requestId(String requestId) {
    if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID_LENGTH) {
      throw new IllegalArgumentException("a change needs a request id of 1 to " + MAX_REQUEST_ID_LENGTH
          + " characters: it is the idempotency key");
    }
    return requestId;
  }

  /** The numbers, unchanged in order, when each is a 宛名番号 with its check digit and none repeats. */
  static List<String> atenaNumbers(List<String> atenaNumbers) {
    if (atenaNumbers == null || atenaNumbers.isEmpty()) {
      throw new IllegalArgumentException("a change names at least one resident by atena number");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < atenaNumbers.size(); i++) {
      String atenaNumber = atenaNumbers.get(i);
      if (!CheckDigits.hasValidModulus11(atenaNumber)) {
        throw new IllegalArgumentException("atenaNumbers[" + i + "] is not an atena number with a valid "
            + "modulus-11 check digit");
      }
      if (!seen.add(atenaNumber)) {
        throw new IllegalArgumentException("atenaNumbers[" + i + "] names a resident named before");
      }
    }
    return List.copyOf(atenaNumbers);
  }

  static <T> T required(T value, String name) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException("a change needs its " + name);
    }
    return value;
  }
}
