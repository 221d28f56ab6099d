package org.madoguchi.connectors.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileDepartmentHandoffConnectorTest {

  private static final Instant FIRST = Instant.parse("2026-11-20T01:02:03.456Z");
  private static final Instant LATER = Instant.parse("2026-11-21T09:00:00Z");

  @TempDir
  Path outbox;
  private Path department;

  @BeforeEach
  void createTheDepartmentsFolder() throws IOException {
    department = Files.createDirectory(outbox.resolve("insurance-pension"));
  }

  private FileDepartmentHandoffConnector connector(Instant now) {
    return new FileDepartmentHandoffConnector(outbox, false, Clock.fixed(now, ZoneId.of("Asia/Tokyo")));
  }

  private static Handoff handoff(String key) {
    return new Handoff(key, "nhiEnrollment", "insurance-pension", "V-2026-000123", "462012",
        List.of("0001000012", "0001000020"));
  }

  /** The files a department's system would pick up: not hidden, ending in .csv. */
  private List<String> visibleFiles() throws IOException {
    try (Stream<Path> files = Files.list(department)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".") && n.endsWith(".csv"))
          .sorted().toList();
    }
  }

  private List<String> allFiles() throws IOException {
    try (Stream<Path> files = Files.list(department)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Nested
  class Once {

    @Test
    void writesOneCsvFileNamedAfterTheKeyInTheDocumentedLayout() throws IOException {
      // when
      HandoffReceipt receipt = connector(FIRST).handOver(handoff("4f1c2a9e-8d3b-11f0-a1b2-0242ac120002"));

      // then
      assertThat(receipt).isEqualTo(new HandoffReceipt("4f1c2a9e-8d3b-11f0-a1b2-0242ac120002", FIRST, false));
      assertThat(allFiles()).containsExactly("4f1c2a9e-8d3b-11f0-a1b2-0242ac120002.csv");
      assertThat(Files.readString(department.resolve("4f1c2a9e-8d3b-11f0-a1b2-0242ac120002.csv"), StandardCharsets.UTF_8))
          .isEqualTo("idempotency_key,procedure_key,department,visit_id,municipality_code,atena_numbers,handed_over_at\r\n"
              + "4f1c2a9e-8d3b-11f0-a1b2-0242ac120002,nhiEnrollment,insurance-pension,V-2026-000123,462012,"
              + "0001000012 0001000020,2026-11-20T01:02:03.456Z\r\n");
    }

    @Test
    void quotesAFieldThatHoldsACommaOrAQuote() throws IOException {
      // given
      Handoff handoff = new Handoff("k1", "nhiEnrollment", "insurance-pension", "V,\"1\"", "462012", List.of());

      // when
      connector(FIRST).handOver(handoff);

      // then
      assertThat(Files.readAllLines(department.resolve("k1.csv")).get(1))
          .isEqualTo("k1,nhiEnrollment,insurance-pension,\"V,\"\"1\"\"\",462012,,2026-11-20T01:02:03.456Z");
    }
  }

  @Nested
  class Repeated {

    @Test
    void aRepeatWritesNothingAndAnswersWithTheFirstReceipt() throws IOException {
      // given
      connector(FIRST).handOver(handoff("k1"));
      String written = Files.readString(department.resolve("k1.csv"));

      // when
      HandoffReceipt repeat = connector(LATER).handOver(handoff("k1"));

      // then
      assertThat(repeat).isEqualTo(new HandoffReceipt("k1", FIRST, true));
      assertThat(allFiles()).containsExactly("k1.csv");
      assertThat(Files.readString(department.resolve("k1.csv"))).isEqualTo(written);
    }

    @Test
    void aRepeatAfterARestartIsRecognisedFromTheFileAlone() {
      // given: one connector wrote it, the application restarted
      connector(FIRST).handOver(handoff("k1"));
      FileDepartmentHandoffConnector afterRestart = new FileDepartmentHandoffConnector(outbox, false,
          Clock.fixed(LATER, ZoneId.of("Asia/Tokyo")));

      // when
      HandoffReceipt repeat = afterRestart.handOver(handoff("k1"));

      // then
      assertThat(repeat.repeated()).isTrue();
      assertThat(repeat.receivedAt()).isEqualTo(FIRST);
    }

    @Test
    void aFileTheDepartmentHasTakenIntoItsTakenFolderStillCountsAsHandedOver() throws IOException {
      // given: the department's system picked the file up and moved it aside
      connector(FIRST).handOver(handoff("k1"));
      Path taken = Files.createDirectory(department.resolve(FileDepartmentHandoffConnector.TAKEN));
      Files.move(department.resolve("k1.csv"), taken.resolve("k1.csv"));

      // when
      HandoffReceipt repeat = connector(LATER).handOver(handoff("k1"));

      // then
      assertThat(repeat).isEqualTo(new HandoffReceipt("k1", FIRST, true));
      assertThat(visibleFiles()).isEmpty();
    }

    @Test
    void theSameKeyForAnotherCaseIsAFailureNotARepeat() throws IOException {
      // given
      connector(FIRST).handOver(handoff("k1"));
      Handoff another = new Handoff("k1", "nhiWithdrawal", "insurance-pension", "V-2026-000999", "462012",
          List.of("0001000039"));

      // when
      HandoffException failure = catchThrowableOfType(() -> connector(LATER).handOver(another),
          HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("describes another case").hasMessageNotContaining("0001000039")
          .hasMessageNotContaining("V-2026-000999");
      assertThat(Files.readString(department.resolve("k1.csv"))).contains("nhiEnrollment");
    }

    @Test
    void handOversOfOneKeyAtTheSameTimeWriteOneFileAndOneFirstReceipt() throws Exception {
      // given
      FileDepartmentHandoffConnector connector = connector(FIRST);
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        // when
        List<Future<HandoffReceipt>> receipts = threads.invokeAll(
            java.util.Collections.nCopies(8, () -> connector.handOver(handoff("k1"))), 10, TimeUnit.SECONDS);

        // then
        long first = 0;
        for (Future<HandoffReceipt> receipt : receipts) {
          first += receipt.get().repeated() ? 0 : 1;
        }
        assertThat(first).isEqualTo(1);
        assertThat(allFiles()).containsExactly("k1.csv");
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Nested
  class Crashes {

    @Test
    void aFailureBetweenWritingAndRenamingLeavesNoFileVisibleAndARetryCompletes() throws IOException {
      // given: the rename fails as if the process had stopped there
      FileDepartmentHandoffConnector crashing = new FileDepartmentHandoffConnector(outbox, false,
          Clock.fixed(FIRST, ZoneId.of("Asia/Tokyo")), (temporary, target) -> {
            assertThat(Files.readString(temporary)).endsWith("\r\n"); // written in full before the rename
            throw new IOException("power cut");
          });

      // when
      HandoffException failure = catchThrowableOfType(() -> crashing.handOver(handoff("k1")), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("nothing was handed over").hasMessageNotContaining("power cut");
      assertThat(visibleFiles()).isEmpty();

      // when: the engine retries the job
      HandoffReceipt retry = connector(LATER).handOver(handoff("k1"));

      // then
      assertThat(retry).isEqualTo(new HandoffReceipt("k1", LATER, false));
      assertThat(allFiles()).containsExactly("k1.csv");
    }

    @Test
    void aTemporaryFileLeftHalfWrittenByACrashIsNeverSeenAndIsRemovedByTheRetry() throws IOException {
      // given: what a process stopped in the middle of writing leaves behind
      Files.writeString(department.resolve(".k1~8812763.tmp"), "idempotency_key,procedure_key,depa");

      // then: nothing for the department to pick up
      assertThat(visibleFiles()).isEmpty();

      // when
      HandoffReceipt retry = connector(LATER).handOver(handoff("k1"));

      // then
      assertThat(retry.repeated()).isFalse();
      assertThat(allFiles()).containsExactly("k1.csv");
      assertThat(Files.readAllLines(department.resolve("k1.csv"))).hasSize(2);
    }

    @Test
    void theLeftoversOfAnotherKeyAreLeftAlone() throws IOException {
      // given: "k1.x" starts with "k1" but is another key
      Files.writeString(department.resolve(".k1.x~42.tmp"), "partial");

      // when
      connector(FIRST).handOver(handoff("k1"));

      // then
      assertThat(allFiles()).containsExactly(".k1.x~42.tmp", "k1.csv");
    }
  }

  @Nested
  class SafeFileNames {

    @ParameterizedTest(name = "key \"{0}\"")
    @ValueSource(strings = {"../k1", "..", ".", "a/b", "a\\b", "", " k1", ".hidden", "k1~tmp", "鍵",
        "k1234567890123456789012345678901234567890123456789012345678901234"})
    void aKeyThatIsNotASafeFileNameIsRefusedBeforeTheDiskIsTouched(String key) throws IOException {
      // when
      Handoff handoff = new Handoff(key, "nhiEnrollment", "insurance-pension", "V-1", "462012", List.of());

      // then
      assertThatIllegalArgumentException().isThrownBy(() -> connector(FIRST).handOver(handoff))
          .withMessageContaining("idempotency key");
      assertThat(allFiles()).isEmpty();
      try (Stream<Path> inTheOutbox = Files.list(outbox)) {
        assertThat(inTheOutbox.map(p -> p.getFileName().toString())).containsExactly("insurance-pension");
      }
    }

    @ParameterizedTest(name = "department \"{0}\"")
    @ValueSource(strings = {"..", "../insurance-pension", "insurance-pension/../x", "a.b", "/etc", ""})
    void aDepartmentCodeThatIsNotOneFolderIsRefused(String code) {
      // when
      Handoff handoff = new Handoff("k1", "nhiEnrollment", code, "V-1", "462012", List.of());

      // then
      assertThatIllegalArgumentException().isThrownBy(() -> connector(FIRST).handOver(handoff))
          .withMessageContaining("department code");
    }

    @Test
    void aMissingDepartmentFolderIsAFailureUnlessTheSettingsSayMakeIt() throws IOException {
      // given
      Handoff toSchool = new Handoff("k1", "schoolEnrollment", "school-education", "V-1", "462012", List.of());

      // when
      HandoffException failure = catchThrowableOfType(() -> connector(FIRST).handOver(toSchool),
          HandoffException.class);
      HandoffReceipt made = new FileDepartmentHandoffConnector(outbox, true, Clock.fixed(FIRST, ZoneId.of("UTC")))
          .handOver(toSchool);

      // then
      assertThat(failure).hasMessageContaining("no folder for department school-education");
      assertThat(made.repeated()).isFalse();
      assertThat(outbox.resolve("school-education").resolve("k1.csv")).exists();
    }

    @Test
    void atenaNumbersAreDigitsSoTheListStaysOneField() {
      // given
      Handoff handoff = new Handoff("k1", "nhiEnrollment", "insurance-pension", "V-1", "462012",
          List.of("0001000012 0001000020"));

      // then
      assertThatIllegalArgumentException().isThrownBy(() -> connector(FIRST).handOver(handoff))
          .withMessageContaining("atena number");
    }
  }
}
