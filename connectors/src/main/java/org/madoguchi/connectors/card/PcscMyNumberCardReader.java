package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the My Number card on a PC/SC reader ({@code javax.smartcardio}) through its card-info input
 * support application (券面事項入力補助AP):
 *
 * <ol>
 *   <li>SELECT the application by its AID {@code D3 92 10 00 31 00 01 01 04 08};</li>
 *   <li>SELECT its PIN file {@code 00 11} and VERIFY with no data: the card answers {@code 63 Cx} with the x
 *       tries left, and a locked card gets no PIN at all;</li>
 *   <li>VERIFY the 4-digit PIN: {@code 90 00} opens the files, {@code 63 Cx} is a wrong PIN with x tries
 *       left ({@code 63 C0}: now locked), {@code 69 83} / {@code 69 84} a locked PIN;</li>
 *   <li>SELECT the file and READ BINARY its TLV header, then the rest in pieces of at most 256 bytes:
 *       {@code 00 02} for the basic four items, {@code 00 01} for the number.</li>
 * </ol>
 *
 * Each call is one session with the card, held exclusively and ended with a card reset, so the verified
 * PIN does not outlive it. Log lines name the step and the status word, never a PIN, a number or an item.
 */
public class PcscMyNumberCardReader implements MyNumberCardReader {

  private static final Logger log = LoggerFactory.getLogger(PcscMyNumberCardReader.class);

  /** 券面事項入力補助AP. */
  static final byte[] CARD_INFO_AP = HexFormat.of().parseHex("D3921000310001010408");
  /** 券面事項入力補助用暗証番号. */
  static final byte[] PIN_FILE = {0x00, 0x11};
  /** 個人番号. */
  static final byte[] MY_NUMBER_FILE = {0x00, 0x01};
  /** 基本4情報. */
  static final byte[] ATTRIBUTES_FILE = {0x00, 0x02};

  static final int SW_OK = 0x9000;
  static final int SW_END_OF_FILE = 0x6282;
  static final int SW_AUTHENTICATION_BLOCKED = 0x6983;
  static final int SW_REFERENCE_DATA_BLOCKED = 0x6984;

  private static final int READ_BINARY_MAX = 256;
  /** Far above what the two files hold; a longer claimed length is garbage. */
  private static final int MAX_FILE_LENGTH = 4096;

  private final CardTerminals terminals;
  private final String terminalName;

  /**
   * @param terminals the readers to look at
   * @param terminalName the reader to use, or null for the first one with a card on it
   */
  public PcscMyNumberCardReader(CardTerminals terminals, String terminalName) {
    this.terminals = terminals;
    this.terminalName = terminalName;
  }

  /** Over the PC/SC readers of this machine (pcsc-lite on Linux, WinSCard on Windows). */
  public static PcscMyNumberCardReader systemReaders(String terminalName) {
    return new PcscMyNumberCardReader(TerminalFactory.getDefault().terminals(), terminalName);
  }

  @Override
  public int remainingPinTries() {
    return inSession(channel -> {
      selectApplication(channel);
      selectFile(channel, PIN_FILE, "SELECT PIN EF");
      return triesLeft(channel);
    });
  }

  @Override
  public CardAttributes readAttributes(char[] pin) {
    byte[] pinBytes = pinBytes(pin);
    try {
      CardAttributes attributes = inSession(channel -> {
        verifyPin(channel, pinBytes);
        return CardInfoFiles.attributes(readFile(channel, ATTRIBUTES_FILE, "basic four items"));
      });
      log.info("read the basic four items from the My Number card");
      return attributes;
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
    }
  }

  @Override
  public MyNumber readMyNumber(char[] pin) {
    byte[] pinBytes = pinBytes(pin);
    try {
      MyNumber myNumber = inSession(channel -> {
        verifyPin(channel, pinBytes);
        return CardInfoFiles.myNumber(readFile(channel, MY_NUMBER_FILE, "My Number"));
      });
      log.info("read the My Number from the card");
      return myNumber;
    } finally {
      Arrays.fill(pinBytes, (byte) 0);
    }
  }

  private <T> T inSession(Function<CardChannel, T> work) {
    CardTerminal terminal = terminal();
    Card card;
    try {
      card = terminal.connect("*");
    } catch (CardNotPresentException noCard) {
      throw new NoCardException(noCard);
    } catch (CardException connectFailed) {
      throw new UnreadableCardException("カードと通信を始められません", "could not connect to the card",
          connectFailed);
    }
    try {
      card.beginExclusive();
    } catch (CardException | IllegalStateException lost) {
      disconnect(card);
      throw new CardRemovedException(lost);
    }
    try {
      return work.apply(card.getBasicChannel());
    } finally {
      disconnect(card);
    }
  }

  private static void disconnect(Card card) {
    try {
      card.disconnect(true); // the reset drops the verified PIN
    } catch (CardException | IllegalStateException alreadyGone) {
      log.debug("the card was gone before the session ended");
    }
  }

  private CardTerminal terminal() {
    List<CardTerminal> all;
    try {
      all = terminals.list();
    } catch (CardException noService) {
      throw new NoCardReaderException(noService);
    }
    if (terminalName != null) {
      return all.stream()
          .filter(terminal -> terminalName.equals(terminal.getName()))
          .findFirst()
          .orElseThrow(() -> new NoCardReaderException(null));
    }
    if (all.isEmpty()) {
      throw new NoCardReaderException(null);
    }
    return all.stream().filter(PcscMyNumberCardReader::hasCard).findFirst()
        .orElseThrow(() -> new NoCardException(null));
  }

  private static boolean hasCard(CardTerminal terminal) {
    try {
      return terminal.isCardPresent();
    } catch (CardException unknown) {
      return false;
    }
  }

  private void verifyPin(CardChannel channel, byte[] pin) {
    selectApplication(channel);
    selectFile(channel, PIN_FILE, "SELECT PIN EF");
    if (triesLeft(channel) == 0) {
      throw new CardLockedException();
    }
    // CommandAPDU keeps its own copy of the PIN until it is garbage
    ResponseAPDU response = transmit(channel, new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin), "VERIFY PIN");
    int sw = response.getSW();
    if (sw == SW_OK) {
      return;
    }
    if (sw == SW_AUTHENTICATION_BLOCKED || sw == SW_REFERENCE_DATA_BLOCKED || sw == 0x63C0) {
      log.warn("the card-info PIN of the My Number card is locked");
      throw new CardLockedException();
    }
    if ((sw & 0xFFF0) == 0x63C0) {
      int triesLeft = sw & 0x0F;
      log.warn("wrong PIN for the My Number card; tries left: {}", triesLeft);
      throw new WrongPinException(triesLeft);
    }
    throw unexpected("VERIFY PIN", sw);
  }

  /** VERIFY without data: the tries left, 0 when locked. */
  private int triesLeft(CardChannel channel) {
    int sw = transmit(channel, new CommandAPDU(0x00, 0x20, 0x00, 0x80), "VERIFY (tries left)").getSW();
    if ((sw & 0xFFF0) == 0x63C0) {
      return sw & 0x0F;
    }
    if (sw == SW_AUTHENTICATION_BLOCKED || sw == SW_REFERENCE_DATA_BLOCKED) {
      return 0;
    }
    throw unexpected("VERIFY (tries left)", sw);
  }

  private void selectApplication(CardChannel channel) {
    int sw = transmit(channel, new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, CARD_INFO_AP), "SELECT AP").getSW();
    if (sw != SW_OK) {
      throw new UnreadableCardException("券面事項入力補助APがありません。マイナンバーカードか確かめてください",
          "the card has no card-info input support application (SW " + hex(sw) + "); is it a My Number card?");
    }
  }

  private void selectFile(CardChannel channel, byte[] fileId, String step) {
    int sw = transmit(channel, new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, fileId), step).getSW();
    if (sw != SW_OK) {
      throw unexpected(step, sw);
    }
  }

  /** SELECTs the file and reads one TLV element from its start: the header first, then the rest. */
  private byte[] readFile(CardChannel channel, byte[] fileId, String what) {
    selectFile(channel, fileId, "SELECT " + what + " EF");
    byte[] head = readBinary(channel, 0, BerTlv.MAX_HEADER_LENGTH, what);
    int total = BerTlv.totalLength(head);
    if (total < 0 || total > MAX_FILE_LENGTH) {
      throw BerTlv.garbled();
    }
    byte[] file = Arrays.copyOf(head, total);
    int position = Math.min(head.length, total);
    while (position < total) {
      byte[] piece = readBinary(channel, position, Math.min(READ_BINARY_MAX, total - position), what);
      if (piece.length == 0) {
        throw new UnreadableCardException("ファイルが途中で終わっています", "the " + what + " file ends early");
      }
      int length = Math.min(piece.length, total - position);
      System.arraycopy(piece, 0, file, position, length);
      position += length;
    }
    return file;
  }

  private byte[] readBinary(CardChannel channel, int offset, int length, String what) {
    String step = "READ BINARY " + what;
    ResponseAPDU response = transmit(channel, readBinaryCommand(offset, length), step);
    if (response.getSW1() == 0x6C) { // wrong Le: the card says how many bytes there are
      int available = response.getSW2() == 0 ? READ_BINARY_MAX : response.getSW2();
      response = transmit(channel, readBinaryCommand(offset, available), step);
    }
    int sw = response.getSW();
    if (sw == SW_OK || sw == SW_END_OF_FILE) {
      return response.getData();
    }
    if (sw == 0x6B00) {
      throw new UnreadableCardException("ファイルが途中で終わっています", "the " + what + " file ends early");
    }
    throw unexpected(step, sw);
  }

  private static CommandAPDU readBinaryCommand(int offset, int length) {
    return new CommandAPDU(0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, length);
  }

  private static ResponseAPDU transmit(CardChannel channel, CommandAPDU command, String step) {
    try {
      ResponseAPDU response = channel.transmit(command);
      log.debug("{}: SW {}", step, hex(response.getSW()));
      return response;
    } catch (CardException | IllegalStateException lost) {
      log.debug("{}: the card stopped answering", step);
      throw new CardRemovedException(lost);
    }
  }

  private static UnreadableCardException unexpected(String step, int sw) {
    return new UnreadableCardException("想定外の応答 " + step + " SW " + hex(sw),
        "unexpected answer to " + step + ": SW " + hex(sw));
  }

  private static String hex(int sw) {
    return String.format("%04X", sw);
  }

  /** The PIN as ASCII, after checking it is 4 digits; nothing is sent to the card otherwise. */
  private static byte[] pinBytes(char[] pin) {
    if (pin == null || pin.length != 4) {
      throw invalidPin();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (pin[i] < '0' || pin[i] > '9') {
        Arrays.fill(bytes, (byte) 0);
        throw invalidPin();
      }
      bytes[i] = (byte) pin[i];
    }
    return bytes;
  }

  private static IllegalArgumentException invalidPin() {
    return new IllegalArgumentException("暗証番号は4桁の数字です / the PIN is 4 digits");
  }
}
