package org.madoguchi.connectors.card;

/**
 * Why the My Number card could not be read, in Japanese for the counter screen and in English for the log.
 * No subclass carries personal data: not the PIN, not the number, not a name, address or birth date, and
 * no cause whose message could hold one.
 */
public abstract class CardReaderException extends RuntimeException {

  private final String japaneseMessage;
  private final String englishMessage;

  protected CardReaderException(String japaneseMessage, String englishMessage, Throwable cause) {
    super(japaneseMessage + " / " + englishMessage, cause);
    this.japaneseMessage = japaneseMessage;
    this.englishMessage = englishMessage;
  }

  /** The message for counter staff. */
  public String japaneseMessage() {
    return japaneseMessage;
  }

  public String englishMessage() {
    return englishMessage;
  }
}
