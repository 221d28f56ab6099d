package org.madoguchi.connectors.card;

/** No PC/SC card reader is connected (or the PC/SC service is not running). */
public class NoCardReaderException extends CardReaderException {

  public NoCardReaderException(Throwable cause) {
    super("カードリーダーが見つかりません。接続を確認してください。", "no card reader was found", cause);
  }
}
