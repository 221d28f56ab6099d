package org.madoguchi.connectors.card;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A My Number card that answers the APDUs of the card-info input support application the way a real one
 * does: SELECT by AID and by file id, VERIFY with and without a PIN (tries left in {@code 63 Cx}, a counter
 * of 3 reset by the right PIN), READ BINARY of the number and basic-four-items files behind the PIN.
 * Switches make it leave the reader in the middle of a read, or serve an attribute file of any bytes.
 */
public final class SimulatedMyNumberCard extends Card {

  static final String READER_NAME = "Simulated PC/SC reader 00 00";
  static final int MAX_TRIES = 3;

  private static final byte[] AID = HexFormat.of().parseHex("D3921000310001010408");
  private static final String PIN_FILE = "0011";
  private static final String MY_NUMBER_FILE = "0001";
  private static final String ATTRIBUTES_FILE = "0002";

  private final String pin;
  private final byte[] attributesFile;
  private final byte[] myNumberFile;
  private final boolean hasCardInfoApplication;
  private final boolean removedOnSecondReadBinary;
  private final Integer lockedStatusWord;
  private final List<CommandAPDU> received = new ArrayList<>();
  private final Channel channel = new Channel();

  private int triesLeft;
  private boolean present = true;
  private boolean connected;
  private boolean verified;
  private boolean apSelected;
  private String selectedFile;
  private int readBinaries;
  private int resets;

  private SimulatedMyNumberCard(Builder builder) {
    this.pin = builder.pin;
    this.triesLeft = builder.triesLeft;
    this.attributesFile = builder.attributesFile != null ? builder.attributesFile
        : attributesFile(builder.name, builder.address, builder.birthDate, builder.sexCode);
    this.myNumberFile = myNumberFile(builder.myNumber);
    this.hasCardInfoApplication = builder.hasCardInfoApplication;
    this.removedOnSecondReadBinary = builder.removedDuringRead;
    this.lockedStatusWord = builder.lockedStatusWord;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A reader with this card on it. */
  public CardTerminals onReader() {
    return new Terminals(List.of(new Terminal(this)));
  }

  /** A reader with nothing on it. */
  public static CardTerminals emptyReader() {
    return new Terminals(List.of(new Terminal(null)));
  }

  /** No reader at all. */
  public static CardTerminals noReaders() {
    return new Terminals(List.of());
  }

  /** Every command the card received, in order. */
  List<CommandAPDU> received() {
    return List.copyOf(received);
  }

  public int triesLeft() {
    return triesLeft;
  }

  int resets() {
    return resets;
  }

  boolean isPresent() {
    return present;
  }

  // --- the files, encoded as the card holds them -----------------------------------------------------

  /** EF 00 02: FF20 (always with a two-byte length, as issued cards have it) around DF21…DF25. */
  static byte[] attributesFile(String name, String address, String birthDate, String sexCode) {
    byte[] nameItem = tlv(0xDF22, utf8(name));
    byte[] addressItem = tlv(0xDF23, utf8(address));
    byte[] birthItem = tlv(0xDF24, birthDate.getBytes(StandardCharsets.US_ASCII));
    byte[] sexItem = tlv(0xDF25, sexCode.getBytes(StandardCharsets.US_ASCII));
    // DF21: where each item starts, two bytes each (the reader does not need them)
    int start = 5 + 3 + 8; // after FF20 82 xx xx and DF21 08 …
    byte[] offsets = ByteBuffer.allocate(8)
        .putShort((short) start)
        .putShort((short) (start + nameItem.length))
        .putShort((short) (start + nameItem.length + addressItem.length))
        .putShort((short) (start + nameItem.length + addressItem.length + birthItem.length))
        .array();
    byte[] content = concat(tlv(0xDF21, offsets), nameItem, addressItem, birthItem, sexItem);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[] {(byte) 0xFF, 0x20, (byte) 0x82, (byte) (content.length >> 8), (byte) content.length});
    file.writeBytes(content);
    file.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}); // unused space after the template
    return file.toByteArray();
  }

  /** EF 00 01: FF10 0C and the digits, then unused space. */
  static byte[] myNumberFile(String digits) {
    return concat(tlv(0xFF10, digits.getBytes(StandardCharsets.US_ASCII)), new byte[] {(byte) 0xFF, (byte) 0xFF});
  }

  /** A two-byte tag with the shortest length encoding (81 from 128 bytes, 82 from 256). */
  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag >> 8);
    out.write(tag & 0xFF);
    if (value.length < 0x80) {
      out.write(value.length);
    } else if (value.length < 0x100) {
      out.write(0x81);
      out.write(value.length);
    } else {
      out.write(0x82);
      out.write(value.length >> 8);
      out.write(value.length & 0xFF);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // --- javax.smartcardio.Card -------------------------------------------------------------------------

  @Override
  public ATR getATR() {
    return new ATR(HexFormat.of().parseHex("3B888001E1F35E11778300000000"));
  }

  @Override
  public String getProtocol() {
    return "T=1";
  }

  @Override
  public CardChannel getBasicChannel() {
    requireConnected();
    return channel;
  }

  @Override
  public CardChannel openLogicalChannel() throws CardException {
    throw new CardException("the simulated card has only the basic channel");
  }

  @Override
  public void beginExclusive() throws CardException {
    requireConnected();
    if (!present) {
      throw new CardException("SCARD_W_REMOVED_CARD");
    }
  }

  @Override
  public void endExclusive() {
    requireConnected();
  }

  @Override
  public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
    throw new CardException("the simulated card takes no control commands");
  }

  @Override
  public void disconnect(boolean reset) {
    if (reset) {
      resets++;
      verified = false;
      apSelected = false;
      selectedFile = null;
    }
    connected = false;
  }

  private void requireConnected() {
    if (!connected) {
      throw new IllegalStateException("Card has been disconnected");
    }
  }

  private void connect() throws CardNotPresentException {
    if (!present) {
      throw new CardNotPresentException("No card present");
    }
    connected = true;
  }

  // --- the card's answers -----------------------------------------------------------------------------

  private ResponseAPDU answer(CommandAPDU command) throws CardException {
    requireConnected();
    if (!present) {
      throw new CardException("SCARD_W_REMOVED_CARD");
    }
    received.add(command);
    if (command.getCLA() != 0x00) {
      return sw(0x6E00);
    }
    return switch (command.getINS()) {
      case 0xA4 -> select(command);
      case 0x20 -> verify(command);
      case 0xB0 -> readBinary(command);
      default -> sw(0x6D00);
    };
  }

  private ResponseAPDU select(CommandAPDU command) {
    if (command.getP1() == 0x04) {
      apSelected = hasCardInfoApplication && Arrays.equals(command.getData(), AID);
      selectedFile = null;
      return sw(apSelected ? 0x9000 : 0x6A82);
    }
    if (command.getP1() == 0x02 && apSelected) {
      String file = HexFormat.of().withUpperCase().formatHex(command.getData());
      if (List.of(PIN_FILE, MY_NUMBER_FILE, ATTRIBUTES_FILE).contains(file)) {
        selectedFile = file;
        return sw(0x9000);
      }
    }
    return sw(0x6A82);
  }

  private ResponseAPDU verify(CommandAPDU command) {
    if (command.getP2() != 0x80 || !PIN_FILE.equals(selectedFile)) {
      return sw(0x6986);
    }
    boolean locked = triesLeft == 0;
    if (command.getNc() == 0) {
      return sw(locked ? (lockedStatusWord != null ? lockedStatusWord : 0x63C0) : 0x63C0 | triesLeft);
    }
    if (locked) {
      return sw(lockedStatusWord != null ? lockedStatusWord : 0x6984);
    }
    if (new String(command.getData(), StandardCharsets.US_ASCII).equals(pin)) {
      triesLeft = MAX_TRIES;
      verified = true;
      return sw(0x9000);
    }
    triesLeft--;
    return sw(0x63C0 | triesLeft);
  }

  private ResponseAPDU readBinary(CommandAPDU command) throws CardException {
    byte[] file = MY_NUMBER_FILE.equals(selectedFile) ? myNumberFile
        : ATTRIBUTES_FILE.equals(selectedFile) ? attributesFile : null;
    if (file == null) {
      return sw(0x6986);
    }
    if (!verified) {
      return sw(0x6982);
    }
    if (removedOnSecondReadBinary && ++readBinaries == 2) {
      present = false;
      throw new CardException("SCARD_W_REMOVED_CARD");
    }
    int offset = (command.getP1() << 8) | command.getP2();
    if (offset >= file.length) {
      return sw(0x6B00);
    }
    int length = Math.min(command.getNe(), file.length - offset);
    byte[] answer = Arrays.copyOfRange(file, offset, offset + length + 2);
    int status = length < command.getNe() ? 0x6282 : 0x9000;
    answer[length] = (byte) (status >> 8);
    answer[length + 1] = (byte) status;
    return new ResponseAPDU(answer);
  }

  private static ResponseAPDU sw(int statusWord) {
    return new ResponseAPDU(new byte[] {(byte) (statusWord >> 8), (byte) statusWord});
  }

  private final class Channel extends CardChannel {

    @Override
    public Card getCard() {
      return SimulatedMyNumberCard.this;
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      return answer(command);
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
      byte[] bytes = new byte[command.remaining()];
      command.get(bytes);
      byte[] answer = answer(new CommandAPDU(bytes)).getBytes();
      response.put(answer);
      return answer.length;
    }

    @Override
    public void close() {
      throw new IllegalStateException("the basic channel cannot be closed");
    }
  }

  private static final class Terminal extends CardTerminal {

    private final SimulatedMyNumberCard card;

    Terminal(SimulatedMyNumberCard card) {
      this.card = card;
    }

    @Override
    public String getName() {
      return READER_NAME;
    }

    @Override
    public Card connect(String protocol) throws CardException {
      if (card == null) {
        throw new CardNotPresentException("No card present");
      }
      card.connect();
      return card;
    }

    @Override
    public boolean isCardPresent() {
      return card != null && card.present;
    }

    @Override
    public boolean waitForCardPresent(long timeout) {
      return isCardPresent();
    }

    @Override
    public boolean waitForCardAbsent(long timeout) {
      return !isCardPresent();
    }
  }

  private static final class Terminals extends CardTerminals {

    private final List<CardTerminal> terminals;

    Terminals(List<CardTerminal> terminals) {
      this.terminals = terminals;
    }

    @Override
    public List<CardTerminal> list(State state) {
      return switch (state) {
        case ALL -> terminals;
        case CARD_PRESENT -> terminals.stream().filter(t -> ((Terminal) t).isCardPresent()).toList();
        case CARD_ABSENT -> terminals.stream().filter(t -> !((Terminal) t).isCardPresent()).toList();
        default -> throw new UnsupportedOperationException("the simulated reader does not report changes");
      };
    }

    @Override
    public boolean waitForChange(long timeout) {
      return false;
    }
  }

  public static final class Builder {

    private String name = "番号　花子";
    private String address = "鹿児島県鹿児島市山下町１１番１号";
    private String birthDate = "19850402";
    private String sexCode = "2";
    private String myNumber = "123456789018";
    private String pin = "2580";
    private int triesLeft = MAX_TRIES;
    private byte[] attributesFile;
    private boolean hasCardInfoApplication = true;
    private boolean removedDuringRead;
    private Integer lockedStatusWord;

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder address(String address) {
      this.address = address;
      return this;
    }

    public Builder birthDate(String yyyymmdd) {
      this.birthDate = yyyymmdd;
      return this;
    }

    public Builder sexCode(String sexCode) {
      this.sexCode = sexCode;
      return this;
    }

    public Builder myNumber(String digits) {
      this.myNumber = digits;
      return this;
    }

    public Builder pin(String pin) {
      this.pin = pin;
      return this;
    }

    public Builder triesLeft(int triesLeft) {
      this.triesLeft = triesLeft;
      return this;
    }

    /** Serves these bytes as EF 00 02 instead of the encoded attributes (garbled data). */
    public Builder attributesFile(byte[] content) {
      this.attributesFile = content;
      return this;
    }

    /** A card without the card-info input support application (not a My Number card). */
    public Builder withoutCardInfoApplication() {
      this.hasCardInfoApplication = false;
      return this;
    }

    /** The card leaves the reader at the second READ BINARY, after the file's header was read. */
    public Builder removedDuringRead() {
      this.removedDuringRead = true;
      return this;
    }

    /** When locked, VERIFY (with or without a PIN) answers this status word. */
    public Builder answersLockedWith(int statusWord) {
      this.lockedStatusWord = statusWord;
      return this;
    }

    public SimulatedMyNumberCard build() {
      return new SimulatedMyNumberCard(this);
    }
  }
}
