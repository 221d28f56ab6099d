package org.madoguchi.connectors.card;

/**
 * The card answered, but not as a My Number card's card-info input support application does: an
 * unexpected status word, a missing application or file, or garbled data. The reason names the step or
 * the item, never its value.
 */
public class UnreadableCardException extends CardReaderException {

  public UnreadableCardException(String japaneseReason, String englishReason) {
    this(japaneseReason, englishReason, null);
  }

  /** With the PC/SC failure behind it; never with a parsing failure, whose message may quote the data. */
  public UnreadableCardException(String japaneseReason, String englishReason, Throwable pcscCause) {
    super("カードを読み取れません（" + japaneseReason + "）。", "the card could not be read: " + englishReason,
        pcscCause);
  }
}
