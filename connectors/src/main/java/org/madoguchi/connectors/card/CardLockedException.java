package org.madoguchi.connectors.card;

/**
 * The PIN of the card-info input support application is locked (no tries left). Only a reset of the PIN at
 * the municipality's counter unlocks it; no PIN is sent to a locked card.
 */
public class CardLockedException extends CardReaderException {

  public CardLockedException() {
    super("券面事項入力補助用暗証番号がロックされています。暗証番号の再設定が必要です。",
        "the card-info input support PIN is locked and must be reset", null);
  }
}
