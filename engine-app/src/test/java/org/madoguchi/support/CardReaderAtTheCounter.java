package org.madoguchi.support;

import javax.smartcardio.CardTerminals;
import org.madoguchi.connectors.card.CardAttributes;
import org.madoguchi.connectors.card.MyNumberCardReader;
import org.madoguchi.connectors.card.PcscMyNumberCardReader;
import org.madoguchi.connectors.card.SimulatedMyNumberCard;
import org.madoguchi.connectors.registry.MyNumber;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The counter's card reader in the tests: the real PC/SC reader code talking to a simulated My Number card
 * that a test puts on it (or takes off, or unplugs the reader). Starts with no reader connected.
 */
public final class CardReaderAtTheCounter implements MyNumberCardReader {

  private volatile CardTerminals terminals = SimulatedMyNumberCard.noReaders();

  /** Puts this card on the reader. */
  public void put(SimulatedMyNumberCard card) {
    terminals = card.onReader();
  }

  /** A reader with no card on it. */
  public void takeCardOff() {
    terminals = SimulatedMyNumberCard.emptyReader();
  }

  /** No reader connected. */
  public void unplug() {
    terminals = SimulatedMyNumberCard.noReaders();
  }

  @Override
  public int remainingPinTries() {
    return reader().remainingPinTries();
  }

  @Override
  public CardAttributes readAttributes(char[] pin) {
    return reader().readAttributes(pin);
  }

  @Override
  public MyNumber readMyNumber(char[] pin) {
    return reader().readMyNumber(pin);
  }

  private MyNumberCardReader reader() {
    return new PcscMyNumberCardReader(terminals, null);
  }

  /** Replaces the machine's PC/SC readers in the application under test. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    CardReaderAtTheCounter cardReaderAtTheCounter() {
      return new CardReaderAtTheCounter();
    }
  }
}
