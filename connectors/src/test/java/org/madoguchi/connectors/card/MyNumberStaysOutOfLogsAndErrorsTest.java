package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** DESIGN.md: the My Number never enters a log line or an exception message; nor does the PIN. */
class MyNumberStaysOutOfLogsAndErrorsTest {

  private static final String NUMBER = "987654321093";
  private static final String NUMBER_WITH_A_WRONG_CHECK_DIGIT = "987654321094";
  private static final String PIN = "2580";
  private static final List<String> SECRETS = List.of(NUMBER, "98765432", "54321093", "54321094", PIN);

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger madoguchi = (Logger) LoggerFactory.getLogger("org.madoguchi");
  private Level previousLevel;

  @BeforeEach
  void captureEveryLogLine() {
    previousLevel = madoguchi.getLevel();
    madoguchi.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logs);
    madoguchi.setLevel(previousLevel);
  }

  @Test
  void noLogLineExceptionOrToStringCarriesTheNumberOrThePin() {
    // given: a successful read and every way a read of the number can fail
    SimulatedMyNumberCard card = card().build();
    MyNumber myNumber = reader(card).readMyNumber(PIN.toCharArray());
    List<Throwable> failures = new ArrayList<>();

    // when
    failures.add(catchThrowable(() -> reader(card).readMyNumber("0000".toCharArray())));
    failures.add(catchThrowable(() -> reader(card().removedDuringRead().build()).readMyNumber(PIN.toCharArray())));
    failures.add(catchThrowable(() -> reader(card().triesLeft(0).build()).readMyNumber(PIN.toCharArray())));
    failures.add(catchThrowable(() -> reader(card().myNumber(NUMBER_WITH_A_WRONG_CHECK_DIGIT).build())
        .readMyNumber(PIN.toCharArray())));
    failures.add(catchThrowable(() -> reader(card().birthDate("20250231").build()).readAttributes(PIN.toCharArray())));
    failures.add(catchThrowable(() -> MyNumber.of(NUMBER_WITH_A_WRONG_CHECK_DIGIT)));
    failures.add(catchThrowable(() -> new ObjectMapper().writeValueAsString(myNumber)));

    // then
    assertThat(myNumber.digits()).isEqualTo(NUMBER);
    assertThat(failures).hasSize(7).doesNotContainNull();
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).as(t.getClass().getName()).doesNotContain(SECRETS);
        assertThat(t.toString()).doesNotContain(SECRETS);
      }
    }
    assertThat(myNumber.toString()).doesNotContain(SECRETS);
    assertThat(logs.list)
        .as("the reader logs its steps, so this test has lines to look at")
        .anyMatch(event -> event.getLevel() == Level.DEBUG && event.getFormattedMessage().contains("VERIFY"));
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(SECRETS);
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRETS);
      }
    }
  }

  private static SimulatedMyNumberCard.Builder card() {
    return SimulatedMyNumberCard.builder().myNumber(NUMBER).pin(PIN);
  }

  private static PcscMyNumberCardReader reader(SimulatedMyNumberCard card) {
    return new PcscMyNumberCardReader(card.onReader(), null);
  }
}
