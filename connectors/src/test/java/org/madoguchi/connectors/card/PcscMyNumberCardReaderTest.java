package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.connectors.registry.Sex;

class PcscMyNumberCardReaderTest {

  private static final char[] RIGHT_PIN = "2580".toCharArray();
  private static final char[] WRONG_PIN = "1111".toCharArray();

  private static PcscMyNumberCardReader readerFor(SimulatedMyNumberCard card) {
    return new PcscMyNumberCardReader(card.onReader(), null);
  }

  @Nested
  class RightPin {

    @Test
    void readsNameAddressBirthDateAndSex() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder()
          .name("番号　花子").address("鹿児島県鹿児島市山下町１１番１号").birthDate("19850402").sexCode("2")
          .pin("2580").build();

      // when
      CardAttributes attributes = readerFor(card).readAttributes(RIGHT_PIN);

      // then
      assertThat(attributes.name()).isEqualTo("番号　花子");
      assertThat(attributes.address()).isEqualTo("鹿児島県鹿児島市山下町１１番１号");
      assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1985, 4, 2));
      assertThat(attributes.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void readsSexOneAsMale() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().sexCode("1").build();

      // when
      CardAttributes attributes = readerFor(card).readAttributes(RIGHT_PIN);

      // then
      assertThat(attributes.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void sendsTheApplicationSelectionThePinChecksAndTheFileReadsInOrder() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();

      // when
      readerFor(card).readAttributes(RIGHT_PIN);

      // then
      List<CommandAPDU> sent = card.received();
      assertThat(hex(sent.get(0))).isEqualTo("00A4040C0AD3921000310001010408");
      assertThat(hex(sent.get(1))).isEqualTo("00A4020C020011");
      assertThat(hex(sent.get(2))).isEqualTo("00200080");
      assertThat(hex(sent.get(3))).isEqualTo("002000800432353830");
      assertThat(hex(sent.get(4))).isEqualTo("00A4020C020002");
      assertThat(hex(sent.get(5))).isEqualTo("00B0000007");
      assertThat(sent.subList(6, sent.size())).allSatisfy(read -> assertThat(read.getINS()).isEqualTo(0xB0));
    }

    @Test
    void readsAnAttributeFileLongerThanOneReadBinaryWithLongFormLengths() {
      // given: an address of 120 kanji is 360 bytes of UTF-8, so DF23 has an 82 length and the file
      // takes more than one READ BINARY of 256 bytes
      String longAddress = "鹿児島県鹿児島市山下町" + "一".repeat(109);
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().address(longAddress).build();

      // when
      CardAttributes attributes = readerFor(card).readAttributes(RIGHT_PIN);

      // then
      assertThat(attributes.address()).isEqualTo(longAddress);
      long reads = card.received().stream().filter(c -> c.getINS() == 0xB0).count();
      assertThat(reads).isGreaterThanOrEqualTo(3);
    }

    @Test
    void resetsTheCardAfterwardsSoTheVerifiedPinDoesNotLinger() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();

      // when
      readerFor(card).readAttributes(RIGHT_PIN);

      // then
      assertThat(card.resets()).isEqualTo(1);
    }

    @Test
    void aRightPinAfterAWrongOneRestoresAllTries() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();
      PcscMyNumberCardReader reader = readerFor(card);
      catchThrowableOfType(() -> reader.readAttributes(WRONG_PIN), WrongPinException.class);

      // when
      reader.readAttributes(RIGHT_PIN);

      // then
      assertThat(reader.remainingPinTries()).isEqualTo(3);
    }
  }

  @Nested
  class WrongPin {

    @Test
    void reportsTheTriesLeftCountingDownToALockedCard() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().triesLeft(3).build();
      PcscMyNumberCardReader reader = readerFor(card);

      // when
      WrongPinException first = catchThrowableOfType(() -> reader.readAttributes(WRONG_PIN),
          WrongPinException.class);
      WrongPinException second = catchThrowableOfType(() -> reader.readAttributes(WRONG_PIN),
          WrongPinException.class);
      CardLockedException third = catchThrowableOfType(() -> reader.readAttributes(WRONG_PIN),
          CardLockedException.class);

      // then
      assertThat(first.triesLeft()).isEqualTo(2);
      assertThat(first.japaneseMessage()).contains("暗証番号が違います").contains("あと2回");
      assertThat(first.englishMessage()).contains("2 tries left");
      assertThat(second.triesLeft()).isEqualTo(1);
      assertThat(second.englishMessage()).contains("1 try left");
      assertThat(third).hasMessageContaining("ロックされています").hasMessageContaining("locked");
      assertThat(card.triesLeft()).isZero();
    }

    @Test
    void remainingPinTriesReadsTheCounterWithoutSpendingATry() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().triesLeft(2).build();

      // when
      int tries = readerFor(card).remainingPinTries();

      // then
      assertThat(tries).isEqualTo(2);
      assertThat(card.triesLeft()).isEqualTo(2);
      assertThat(card.received()).noneMatch(c -> c.getINS() == 0x20 && c.getNc() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", "１２３４"})
    void refusesAPinThatIsNotFourDigitsWithoutTouchingTheCard(String pin) {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();

      // when / then
      assertThatIllegalArgumentException().isThrownBy(() -> readerFor(card).readAttributes(pin.toCharArray()))
          .withMessageContaining("4桁");
      assertThat(card.received()).isEmpty();
      assertThat(card.triesLeft()).isEqualTo(3);
    }
  }

  @Nested
  class LockedCard {

    @Test
    void isRefusedWithoutSendingThePin() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().triesLeft(0).build();

      // when
      CardLockedException locked = catchThrowableOfType(() -> readerFor(card).readAttributes(RIGHT_PIN),
          CardLockedException.class);

      // then
      assertThat(locked.japaneseMessage()).contains("ロックされています");
      assertThat(card.received()).noneMatch(c -> c.getINS() == 0x20 && c.getNc() > 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x6983, 0x6984})
    void isRecognisedByEitherBlockedStatusWord(int statusWord) {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().triesLeft(0).answersLockedWith(statusWord).build();
      PcscMyNumberCardReader reader = readerFor(card);

      // when
      CardLockedException locked = catchThrowableOfType(() -> reader.readMyNumber(RIGHT_PIN),
          CardLockedException.class);

      // then
      assertThat(locked).isNotNull();
      assertThat(reader.remainingPinTries()).isZero();
    }
  }

  @Nested
  class CardRemovedMidRead {

    @Test
    void isAClearErrorAndLeavesTheCardAlone() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().removedDuringRead().build();

      // when
      CardRemovedException removed = catchThrowableOfType(() -> readerFor(card).readAttributes(RIGHT_PIN),
          CardRemovedException.class);

      // then
      assertThat(removed.japaneseMessage()).contains("カードが取り外されました");
      assertThat(removed).hasCauseInstanceOf(CardException.class);
      assertThat(card.isPresent()).isFalse();
    }

    @Test
    void readingAgainAfterwardsSaysThereIsNoCard() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().removedDuringRead().build();
      PcscMyNumberCardReader reader = readerFor(card);
      catchThrowableOfType(() -> reader.readMyNumber(RIGHT_PIN), CardRemovedException.class);

      // when
      NoCardException noCard = catchThrowableOfType(() -> reader.readMyNumber(RIGHT_PIN), NoCardException.class);

      // then
      assertThat(noCard.japaneseMessage()).contains("カードが置かれていません");
    }
  }

  @Nested
  class GarbledAttributeData {

    @Test
    void truncatedTemplateIsUnreadable() {
      // given: FF20 claims 0x40 bytes, the file holds 6
      byte[] file = HexFormat.of().parseHex("FF20820040DF2203E795AA");
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().attributesFile(file).build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(
          () -> readerFor(card).readAttributes(RIGHT_PIN), UnreadableCardException.class);

      // then
      assertThat(unreadable.japaneseMessage()).startsWith("カードを読み取れません");
    }

    @Test
    void noiseInsteadOfTheTemplateIsUnreadable() {
      // given
      byte[] file = "garbage! not a TLV at all".getBytes(StandardCharsets.US_ASCII);
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().attributesFile(file).build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(
          () -> readerFor(card).readAttributes(RIGHT_PIN), UnreadableCardException.class);

      // then
      assertThat(unreadable.englishMessage()).startsWith("the card could not be read");
      assertThat(unreadable).hasNoCause();
    }

    @Test
    void aBirthDateThatIsNoDateIsUnreadableWithoutQuotingIt() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().birthDate("19851332").build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(
          () -> readerFor(card).readAttributes(RIGHT_PIN), UnreadableCardException.class);

      // then
      assertThat(unreadable.japaneseMessage()).contains("生年月日");
      assertThat(unreadable).hasMessageNotContaining("19851332").hasNoCause();
    }

    @Test
    void aNameThatIsNotUtf8IsUnreadable() {
      // given: DF22 holds Shift_JIS bytes, not UTF-8
      byte[] shiftJisName = "番号".getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
      byte[] file = SimulatedMyNumberCard.tlv(0xFF20, SimulatedMyNumberCard.concat(
          SimulatedMyNumberCard.tlv(0xDF22, shiftJisName),
          SimulatedMyNumberCard.tlv(0xDF23, "住所".getBytes(StandardCharsets.UTF_8)),
          SimulatedMyNumberCard.tlv(0xDF24, "19850402".getBytes(StandardCharsets.US_ASCII)),
          SimulatedMyNumberCard.tlv(0xDF25, "1".getBytes(StandardCharsets.US_ASCII))));
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().attributesFile(file).build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(
          () -> readerFor(card).readAttributes(RIGHT_PIN), UnreadableCardException.class);

      // then
      assertThat(unreadable.englishMessage()).contains("name is not valid UTF-8");
    }
  }

  @Nested
  class MyNumberRead {

    @Test
    void readsTheNumberWhoseCheckDigitHolds() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().myNumber("123456789018").build();

      // when
      MyNumber myNumber = readerFor(card).readMyNumber(RIGHT_PIN);

      // then
      assertThat(myNumber.digits()).isEqualTo("123456789018");
      assertThat(MyNumber.isValid(myNumber.digits())).isTrue();
      assertThat(card.received()).anyMatch(c -> hex(c).equals("00A4020C020001"));
    }

    @Test
    void aNumberOnTheCardWithAWrongCheckDigitIsUnreadable() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().myNumber("123456789017").build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(() -> readerFor(card).readMyNumber(RIGHT_PIN),
          UnreadableCardException.class);

      // then
      assertThat(unreadable.englishMessage()).contains("check digit");
      assertThat(unreadable).hasMessageNotContaining("123456789017");
    }

    @Test
    void readingTheAttributesDoesNotTouchTheNumberFile() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();

      // when
      readerFor(card).readAttributes(RIGHT_PIN);

      // then
      assertThat(card.received()).noneMatch(c -> hex(c).equals("00A4020C020001"));
    }
  }

  @Nested
  class NoReaderOrCard {

    @Test
    void noReaderIsAClearError() {
      // given
      PcscMyNumberCardReader reader = new PcscMyNumberCardReader(SimulatedMyNumberCard.noReaders(), null);

      // when
      NoCardReaderException none = catchThrowableOfType(() -> reader.readAttributes(RIGHT_PIN),
          NoCardReaderException.class);

      // then
      assertThat(none.japaneseMessage()).contains("カードリーダーが見つかりません");
    }

    @Test
    void aPcscServiceThatIsNotRunningIsNoReader() {
      // given
      CardTerminals failing = new CardTerminals() {
        @Override
        public List<CardTerminal> list(State state) throws CardException {
          throw new CardException("SCARD_E_NO_SERVICE");
        }

        @Override
        public boolean waitForChange(long timeout) {
          return false;
        }
      };
      PcscMyNumberCardReader reader = new PcscMyNumberCardReader(failing, null);

      // when
      NoCardReaderException none = catchThrowableOfType(reader::remainingPinTries, NoCardReaderException.class);

      // then
      assertThat(none).hasCauseInstanceOf(CardException.class);
    }

    @Test
    void aNamedReaderThatIsNotThereIsNoReader() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();
      PcscMyNumberCardReader reader = new PcscMyNumberCardReader(card.onReader(), "Another reader 01");

      // when
      NoCardReaderException none = catchThrowableOfType(() -> reader.readAttributes(RIGHT_PIN),
          NoCardReaderException.class);

      // then
      assertThat(none).isNotNull();
      assertThat(card.received()).isEmpty();
    }

    @Test
    void aNamedReaderIsUsed() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().build();
      PcscMyNumberCardReader reader = new PcscMyNumberCardReader(card.onReader(),
          SimulatedMyNumberCard.READER_NAME);

      // when
      int tries = reader.remainingPinTries();

      // then
      assertThat(tries).isEqualTo(3);
    }

    @Test
    void anEmptyReaderIsNoCard() {
      // given
      PcscMyNumberCardReader reader = new PcscMyNumberCardReader(SimulatedMyNumberCard.emptyReader(), null);

      // when
      NoCardException noCard = catchThrowableOfType(() -> reader.readAttributes(RIGHT_PIN), NoCardException.class);

      // then
      assertThat(noCard.englishMessage()).isEqualTo("there is no card on the reader");
    }

    @Test
    void aCardWithoutTheApplicationIsNotAMyNumberCard() {
      // given
      SimulatedMyNumberCard card = SimulatedMyNumberCard.builder().withoutCardInfoApplication().build();

      // when
      UnreadableCardException unreadable = catchThrowableOfType(() -> readerFor(card).readAttributes(RIGHT_PIN),
          UnreadableCardException.class);

      // then
      assertThat(unreadable.japaneseMessage()).contains("マイナンバーカードか確かめてください");
      assertThat(unreadable.englishMessage()).contains("6A82");
    }
  }

  private static String hex(CommandAPDU command) {
    return HexFormat.of().withUpperCase().formatHex(command.getBytes());
  }
}
