package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import org.madoguchi.connectors.registry.Sex;

/**
 * The two files of the card-info input support application that Madoguchi reads, and how their contents
 * are laid out (as the public descriptions of the card and the open-source readers agree):
 *
 * <pre>
 * EF 00 02  basic four items   FF20 len { DF21 offsets, DF22 name, DF23 address, DF24 birth date, DF25 sex }
 * EF 00 01  My Number          FF10 0C  twelve ASCII digits
 * </pre>
 *
 * Text is UTF-8; the birth date is YYYYMMDD in the Gregorian calendar; the sex is "1" (male) or "2"
 * (female). The messages of the failures name the item, never its value, and no failure keeps a cause
 * whose message could quote the data.
 */
final class CardInfoFiles {

  static final int ATTRIBUTES_TEMPLATE = 0xFF20;
  static final int OFFSETS = 0xDF21;
  static final int NAME = 0xDF22;
  static final int ADDRESS = 0xDF23;
  static final int BIRTH_DATE = 0xDF24;
  static final int SEX = 0xDF25;
  static final int MY_NUMBER = 0xFF10;

  private CardInfoFiles() {
  }

  /** The basic four items of an EF 00 02 file. */
  static CardAttributes attributes(byte[] file) {
    BerTlv.Element template = BerTlv.read(file, 0, file.length);
    if (template.tag() != ATTRIBUTES_TEMPLATE) {
      throw new UnreadableCardException("基本4情報の形式が想定と異なります",
          "the basic four items file does not start with its template tag");
    }
    byte[] name = null;
    byte[] address = null;
    byte[] birthDate = null;
    byte[] sex = null;
    int position = template.valueOffset();
    while (position < template.end()) {
      BerTlv.Element item = BerTlv.read(file, position, template.end());
      byte[] value = Arrays.copyOfRange(file, item.valueOffset(), item.end());
      switch (item.tag()) {
        case NAME -> name = value;
        case ADDRESS -> address = value;
        case BIRTH_DATE -> birthDate = value;
        case SEX -> sex = value;
        default -> {
          // DF21 (the offsets of the items) and anything a later card adds are not needed
        }
      }
      position = item.end();
    }
    return new CardAttributes(
        text(required(name, "氏名", "name"), "氏名", "name"),
        text(required(address, "住所", "address"), "住所", "address"),
        birthDate(required(birthDate, "生年月日", "birth date")),
        sex(required(sex, "性別", "sex")));
  }

  /** The number in an EF 00 01 file. */
  static MyNumber myNumber(byte[] file) {
    BerTlv.Element element = BerTlv.read(file, 0, file.length);
    if (element.tag() != MY_NUMBER || element.valueLength() != 12) {
      throw new UnreadableCardException("個人番号の形式が想定と異なります",
          "the My Number file does not hold a 12-digit number");
    }
    String digits = new String(file, element.valueOffset(), 12, StandardCharsets.US_ASCII);
    if (!MyNumber.isValid(digits)) {
      throw new UnreadableCardException("個人番号の検査用数字が合いません",
          "the My Number on the card is not 12 digits with a matching check digit");
    }
    return MyNumber.of(digits);
  }

  private static byte[] required(byte[] value, String japaneseItem, String englishItem) {
    if (value == null) {
      throw new UnreadableCardException(japaneseItem + "がありません", "the " + englishItem + " is missing");
    }
    return value;
  }

  private static String text(byte[] utf8, String japaneseItem, String englishItem) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
      if (text.isBlank()) {
        throw new UnreadableCardException(japaneseItem + "が空です", "the " + englishItem + " is empty");
      }
      return text;
    } catch (CharacterCodingException notUtf8) {
      throw new UnreadableCardException(japaneseItem + "の文字が壊れています",
          "the " + englishItem + " is not valid UTF-8");
    }
  }

  private static LocalDate birthDate(byte[] yyyymmdd) {
    if (yyyymmdd.length != 8) {
      throw badBirthDate();
    }
    int[] digits = new int[8];
    for (int i = 0; i < 8; i++) {
      digits[i] = yyyymmdd[i] - '0';
      if (digits[i] < 0 || digits[i] > 9) {
        throw badBirthDate();
      }
    }
    int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    int month = digits[4] * 10 + digits[5];
    int day = digits[6] * 10 + digits[7];
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException noSuchDay) {
      throw badBirthDate(); // without the cause: its message quotes the date
    }
  }

  private static UnreadableCardException badBirthDate() {
    return new UnreadableCardException("生年月日が日付として読めません", "the birth date is not a YYYYMMDD date");
  }

  private static Sex sex(byte[] code) {
    if (code.length == 1 && code[0] == '1') {
      return Sex.MALE;
    }
    if (code.length == 1 && code[0] == '2') {
      return Sex.FEMALE;
    }
    throw new UnreadableCardException("性別の値が想定と異なります", "the sex is neither 1 nor 2");
  }
}
