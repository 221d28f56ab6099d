package org.madoguchi.connectors.registry;

import java.text.Normalizer;

/**
 * 氏名フリガナ: a reading normalised to full-width katakana, as the resident record keeps it.
 *
 * <p>{@link #normalise} accepts what files and other systems send: half-width katakana (ｻﾄｳ), voiced and
 * semi-voiced marks written as separate characters (ｶﾞ, ﾊﾟ, ｳﾞ, or the combining U+3099/U+309A of
 * decomposed text), hiragana (きむら), and ASCII or full-width spaces. It returns full-width katakana
 * (サトウ, ガ, パ, ヴ, キムラ) with each run of spaces made one full-width space (U+3000), none at either end.
 *
 * <p>Anything else is refused with a {@link NotKanaException}: kanji, Latin letters, digits, the middle dot
 * ・, hyphens used for ー, a voiced mark on a character that cannot take one. The exception says where the
 * character is and what kind it is, never the reading itself: a reading is personal data.
 */
public final class Kana {

  /** 全角スペース, the separator between family and given name. */
  public static final char FULL_WIDTH_SPACE = '\u3000';

  private static final char VOICED_MARK = '\u3099';
  private static final char SEMI_VOICED_MARK = '\u309A';

  private Kana() {
  }

  /** The reading in full-width katakana; see the class description for what is accepted. */
  public static String normalise(String reading) {
    if (reading == null) {
      throw new NotKanaException(0, "フリガナがありません / a reading is needed");
    }
    StringBuilder katakana = new StringBuilder(reading.length());
    boolean pendingSpace = false;
    int position = 0;
    for (int i = 0; i < reading.length(); i = reading.offsetByCodePoints(i, 1)) {
      int c = reading.codePointAt(i);
      position++;
      if (c == ' ' || c == FULL_WIDTH_SPACE) {
        pendingSpace = katakana.length() > 0;
        continue;
      }
      if (isVoicingMark(c)) {
        voice(katakana, c, position, pendingSpace);
        continue;
      }
      char converted = toKatakana(c, position);
      if (pendingSpace) {
        katakana.append(FULL_WIDTH_SPACE);
        pendingSpace = false;
      }
      katakana.append(converted);
    }
    if (katakana.length() == 0) {
      throw new NotKanaException(0, "フリガナが空です / a reading must hold at least one kana");
    }
    return katakana.toString();
  }

  /** Whether {@code reading} is already what {@link #normalise} returns. */
  public static boolean isNormalised(String reading) {
    try {
      return normalise(reading).equals(reading);
    } catch (NotKanaException notKana) {
      return false;
    }
  }

  /** 氏名フリガナ as one string: the two parts normalised and joined by a full-width space. */
  public static String fullName(String familyNameKana, String givenNameKana) {
    return normalise(familyNameKana) + FULL_WIDTH_SPACE + normalise(givenNameKana);
  }

  private static boolean isVoicingMark(int c) {
    return c == 0xFF9E || c == 0xFF9F // ﾞ ﾟ (half-width)
        || c == 0x309B || c == 0x309C // ゛ ゜ (full-width, spacing)
        || c == VOICED_MARK || c == SEMI_VOICED_MARK; // combining, as in decomposed text
  }

  /** Puts the mark on the last kana: カ+゛ → ガ, ハ+゜ → パ, ウ+゛ → ヴ. */
  private static void voice(StringBuilder katakana, int mark, int position, boolean afterSpace) {
    char combining = mark == 0xFF9E || mark == 0x309B || mark == VOICED_MARK ? VOICED_MARK : SEMI_VOICED_MARK;
    if (katakana.length() == 0 || afterSpace) {
      throw new NotKanaException(position, "濁点・半濁点の前にかながありません / the voiced or semi-voiced "
          + "mark at character " + position + " follows no kana");
    }
    char base = katakana.charAt(katakana.length() - 1);
    String composed = Normalizer.normalize(String.valueOf(base) + combining, Normalizer.Form.NFC);
    if (composed.length() != 1) {
      throw new NotKanaException(position, "濁点・半濁点を付けられない文字です / the kana before character "
          + position + " takes no " + (combining == VOICED_MARK ? "voiced" : "semi-voiced") + " mark");
    }
    katakana.setCharAt(katakana.length() - 1, composed.charAt(0));
  }

  private static char toKatakana(int c, int position) {
    if (c >= 0x30A1 && c <= 0x30FA || c == 0x30FC || c == 0x30FD || c == 0x30FE) {
      return (char) c; // katakana, ー, ヽ ヾ
    }
    if (c >= 0x3041 && c <= 0x3096 || c == 0x309D || c == 0x309E) {
      return (char) (c + 0x60); // hiragana (ぁ … ゖ, ゝ ゞ) → katakana
    }
    if (c >= 0xFF66 && c <= 0xFF9D) {
      // half-width katakana (ｦ … ﾝ, ｰ): NFKC maps each to its one full-width form
      return Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC).charAt(0);
    }
    throw new NotKanaException(position, "フリガナに使えない文字があります（" + position + "文字目: "
        + kind(c) + "）/ a reading may hold only kana, ー and spaces; character " + position + " is "
        + kind(c));
  }

  /** What kind of character {@code c} is, for the message; never the character itself. */
  private static String kind(int c) {
    if (c == 0x30FB || c == 0xFF65) {
      return "the middle dot ・";
    }
    if (c == '-' || c == 0xFF0D || c >= 0x2010 && c <= 0x2015 || c == 0x2212 || c == 0xFF5E || c == 0x301C) {
      return "a dash (write the long vowel as ー)";
    }
    if (Character.isDigit(c)) {
      return "a digit";
    }
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return "a control or whitespace character other than a space";
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return switch (script) {
      case HAN -> "a kanji";
      case LATIN -> "a Latin letter";
      case COMMON -> "a symbol or punctuation";
      default -> "a character of the " + script + " script";
    };
  }

  /** A reading that is not kana. The message and {@link #position()} locate the fault without quoting it. */
  public static final class NotKanaException extends IllegalArgumentException {

    private final int position;

    NotKanaException(int position, String message) {
      super(message);
      this.position = position;
    }

    /** The 1-based position (in characters) of the offending character, or 0 for the reading as a whole. */
    public int position() {
      return position;
    }
  }
}
