package org.madoguchi.connectors.card;

/** The card left the reader, or the reader stopped answering, in the middle of a read. */
public class CardRemovedException extends CardReaderException {

  public CardRemovedException(Throwable cause) {
    super("読み取り中にカードが取り外されました。カードを置き直してください。",
        "the card was removed while it was being read; place it on the reader again", cause);
  }
}
