package org.madoguchi.connectors.card;

/** The reader is there but no card is on it. */
public class NoCardException extends CardReaderException {

  public NoCardException(Throwable cause) {
    super("カードリーダーにカードが置かれていません。", "there is no card on the reader", cause);
  }
}
