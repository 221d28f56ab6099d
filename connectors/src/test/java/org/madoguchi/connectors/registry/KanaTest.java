package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KanaTest {

  @Nested
  class Normalising {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // half-width katakana, with the space between family and given name
        "ｻﾄｳ ﾀﾛｳ | サトウ　タロウ",
        // voiced and semi-voiced marks written as their own half-width characters
        "ｶﾞﾝﾀﾞ | ガンダ",
        "ﾊﾟｸ ｼﾞｭﾝﾎﾟ | パク　ジュンポ",
        "ｳﾞｧｲｵﾘﾝ | ヴァイオリン",
        "ﾜﾀﾅﾍﾞ ｹﾝｲﾁ | ワタナベ　ケンイチ",
        "ｲｰｽﾄｳｯﾄﾞ | イーストウッド",
        "ｦﾉ | ヲノ",
        // hiragana
        "きむら | キムラ",
        "たかはし　まゆみ | タカハシ　マユミ",
        "ゔぁいおりん | ヴァイオリン",
        "いすゞ | イスヾ",
        // already full-width katakana
        "スズキ　ハナコ | スズキ　ハナコ",
        "ショウジ | ショウジ",
        // mixed forms in one reading
        "やまだ ﾀﾛｳ | ヤマダ　タロウ",
        // full-width spacing marks ゛ ゜ after a kana
        "カ゛ンタ゛ | ガンダ",
        "ハ゜ク | パク",
        // ヷ from ﾜﾞ
        "ﾜﾞｲﾝ | ヷイン"})
    void givesFullWidthKatakana(String reading, String expected) {
      // when
      String katakana = Kana.normalise(reading);

      // then
      assertThat(katakana).isEqualTo(expected);
      assertThat(Kana.isNormalised(katakana)).isTrue();
    }

    @Test
    void composesTheCombiningMarksOfDecomposedText() {
      // given: ガ and パ as a macOS file name or an NFD export writes them
      String decomposed = "\u30AB\u3099\u30F3\u30BF\u3099 \u30CF\u309A\u30AF";

      // when
      String katakana = Kana.normalise(decomposed);

      // then
      assertThat(katakana).isEqualTo("ガンダ　パク").hasSize(6);
    }

    @Test
    void makesEveryRunOfSpacesOneFullWidthSpaceAndTrimsTheEnds() {
      // given
      String reading = "  ｻﾄｳ \u3000  ﾀﾛｳ\u3000 ";

      // when
      String katakana = Kana.normalise(reading);

      // then
      assertThat(katakana).isEqualTo("サトウ\u3000タロウ");
    }

    @Test
    void joinsTheTwoPartsOfANameWithAFullWidthSpace() {
      assertThat(Kana.fullName("ｽｽﾞｷ", "はなこ")).isEqualTo("スズキ\u3000ハナコ");
    }

    @Test
    void isNormalisedOnlyForFullWidthKatakana() {
      assertThat(Kana.isNormalised("サトウ　タロウ")).isTrue();
      assertThat(Kana.isNormalised("サトウ タロウ")).isFalse();
      assertThat(Kana.isNormalised("ｻﾄｳ")).isFalse();
      assertThat(Kana.isNormalised("さとう")).isFalse();
      assertThat(Kana.isNormalised("佐藤")).isFalse();
    }
  }

  @Nested
  class Refusing {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "佐藤 | 1 | a kanji",
        "サトウ タロウ1 | 8 | a digit",
        "Sato | 1 | a Latin letter",
        "ジョン・スミス | 4 | the middle dot",
        "ｼﾞｮﾝ･ｽﾐｽ | 5 | the middle dot",
        "ス-ザン | 2 | a dash",
        "スｰザン－ | 5 | a dash",
        "サトウ\tタロウ | 4 | control or whitespace",
        "サトウ! | 4 | a symbol or punctuation",
        "사토 | 1 | HANGUL"})
    void anythingButKanaAndSpaces(String reading, int position, String kind) {
      // when
      Kana.NotKanaException refused = catchThrowableOfType(() -> Kana.normalise(reading),
          Kana.NotKanaException.class);

      // then
      assertThat(refused).isNotNull().hasMessageContaining("character " + position).hasMessageContaining(kind);
      assertThat(refused.position()).isEqualTo(position);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ﾞｶ", "ｱﾞ", "ﾏﾟ", "ｶ ﾞ", "ン゛"})
    void aVoicedMarkThatBelongsToNoKanaWhichCanTakeIt(String reading) {
      // when
      Kana.NotKanaException refused = catchThrowableOfType(() -> Kana.normalise(reading),
          Kana.NotKanaException.class);

      // then
      assertThat(refused).isNotNull().hasMessageContaining("mark");
      assertThat(refused.position()).isPositive();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\u3000\u3000"})
    void anEmptyReading(String reading) {
      // when
      Kana.NotKanaException refused = catchThrowableOfType(() -> Kana.normalise(reading),
          Kana.NotKanaException.class);

      // then
      assertThat(refused).hasMessageContaining("at least one kana");
      assertThat(refused.position()).isZero();
    }

    @Test
    void noReadingAtAll() {
      assertThat(catchThrowableOfType(() -> Kana.normalise(null), IllegalArgumentException.class))
          .hasMessageContaining("a reading is needed");
    }

    @Test
    void theMessageNeverQuotesTheReading() {
      // when
      Kana.NotKanaException refused = catchThrowableOfType(() -> Kana.normalise("タナカ 花子"),
          Kana.NotKanaException.class);

      // then
      assertThat(refused).hasMessageNotContaining("花").hasMessageNotContaining("タナカ")
          .hasMessageContaining("5文字目");
    }
  }
}
