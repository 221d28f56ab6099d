package org.madoguchi.connectors.registry;

/**
 * The registry refuses a change its rules forbid: repeating the same request cannot succeed, so a caller
 * may end the case with a business error instead of waiting for retries to run out. When it does not, the
 * engine's job retries it like any {@link RegistryException} and then raises an incident. The message names
 * the rule and, for a resident, their position in the request, never an identifier or personal data.
 */
public class RegistryRefusedException extends RegistryException {

  /** Why; the registry API's problem {@code code} for a refused change. */
  public enum Reason {
    /** No resident has this 宛名番号. */
    UNKNOWN_RESIDENT,
    /** The resident left the record before (消除). */
    ALREADY_REMOVED,
    /** The residents named belong to more than one household. */
    DIFFERENT_HOUSEHOLDS,
    /** A move-within names some but not all current members of the household. */
    NOT_THE_WHOLE_HOUSEHOLD,
    /** A move-out takes the household head and leaves other members, who need a new head first. */
    HOUSEHOLD_HEAD_LEAVES_MEMBERS,
    /** The change is dated before the resident's last change. */
    BEFORE_LAST_CHANGE,
    /** The request id was used before for another change. */
    REQUEST_ID_REUSED,
    /** The registry refused for a reason it did not name, or one this version does not know. */
    OTHER
  }

  private final Reason reason;

  public RegistryRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
