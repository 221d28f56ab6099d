package org.madoguchi.connectors.card;

/** The card refused the PIN and still accepts {@link #triesLeft()} more tries before it locks. */
public class WrongPinException extends CardReaderException {

  private final int triesLeft;

  public WrongPinException(int triesLeft) {
    super("暗証番号が違います。あと" + triesLeft + "回間違えるとロックされます。",
        "wrong PIN; " + triesLeft + (triesLeft == 1 ? " try" : " tries") + " left before the card locks", null);
    this.triesLeft = triesLeft;
  }

  public int triesLeft() {
    return triesLeft;
  }
}
