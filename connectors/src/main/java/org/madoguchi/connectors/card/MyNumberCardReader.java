package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;

/**
 * Reads a My Number card (個人番号カード) through its card-info input support application
 * (券面事項入力補助AP), which holds the basic four items and the number behind a 4-digit PIN.
 *
 * <p>Every method opens and closes its own session with the card, and every failure is a
 * {@link CardReaderException} whose message staff can show as it is: {@link WrongPinException} (with the
 * tries left), {@link CardLockedException}, {@link CardRemovedException}, {@link UnreadableCardException},
 * {@link NoCardException} and {@link NoCardReaderException}. The reader keeps neither the PIN nor what it
 * read; the caller should clear the PIN array when done.
 */
public interface MyNumberCardReader {

  /** How many wrong PINs the card still accepts before it locks; 0 when it is locked. Sends no PIN. */
  int remainingPinTries();

  /** Verifies the PIN and reads name, address, birth date and sex. */
  CardAttributes readAttributes(char[] pin);

  /**
   * Verifies the PIN and reads the 12-digit number. Only for a step that needs the number itself; it must
   * not be stored in the engine, its history, a log line or an error.
   */
  MyNumber readMyNumber(char[] pin);
}
