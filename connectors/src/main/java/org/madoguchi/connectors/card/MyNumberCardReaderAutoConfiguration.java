package org.madoguchi.connectors.card;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The My Number card reader on the PC/SC readers of the machine the application runs on (the counter
 * terminal, or a reader shared through the OS). {@code madoguchi.connectors.card.terminal-name} picks one
 * reader by name; otherwise the first reader with a card on it is used. A machine without a reader still
 * starts: reading a card then answers that no reader is connected.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "madoguchi.connectors.card", name = "enabled", havingValue = "true",
    matchIfMissing = true)
class MyNumberCardReaderAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MyNumberCardReader myNumberCardReader(@Value("${madoguchi.connectors.card.terminal-name:}") String terminalName) {
    return PcscMyNumberCardReader.systemReaders(terminalName.isBlank() ? null : terminalName);
  }
}
