package org.madoguchi.connectors.card;

import org.madoguchi.connectors.registry.MyNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.connectors.registry.Sex;

/** The file layouts, from bytes written out by hand rather than by the simulated card's encoder. */
class CardInfoFilesTest {

  /*
   * FF20 23                      template, short length 35
   *   DF21 02 0005               offsets (ignored)
   *   DF22 03 E794B0             name  "田"  (UTF-8)
   *   DF23 06 E69DB1E4BAAC       address "東京"
   *   DF24 08 3139393930313331   birth date "19990131"
   *   DF25 01 31                 sex "1"
   */
  private static final String SHORT_FORM =
      "FF2023" + "DF21020005" + "DF2203E794B0" + "DF2306E69DB1E4BAAC" + "DF24083139393930313331" + "DF250131";

  @Test
  void readsTheFourItemsOfAShortFormTemplate() {
    // when
    CardAttributes attributes = CardInfoFiles.attributes(bytes(SHORT_FORM));

    // then
    assertThat(attributes.name()).isEqualTo("田");
    assertThat(attributes.address()).isEqualTo("東京");
    assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1999, 1, 31));
    assertThat(attributes.sex()).isEqualTo(Sex.MALE);
  }

  @ParameterizedTest(name = "template length {0}")
  @CsvSource({"FF208123", "FF20820023", "FF2083000023"})
  void acceptsEachLongFormOfTheTemplateLength(String header) {
    // given: the same content behind 81, 82 and 83 lengths
    byte[] file = bytes(header + SHORT_FORM.substring(6));

    // when
    CardAttributes attributes = CardInfoFiles.attributes(file);

    // then
    assertThat(attributes.birthDate()).isEqualTo(LocalDate.of(1999, 1, 31));
  }

  @Test
  void ignoresTagsItDoesNotKnowAndTheOrderOfTheItems() {
    // given: DF25 first and an unknown DF30 in the middle
    byte[] file = bytes("FF2022" + "DF250132" + "DF300100" + "DF2203E794B0" + "DF2306E69DB1E4BAAC"
        + "DF24083139393930313331");

    // when
    CardAttributes attributes = CardInfoFiles.attributes(file);

    // then
    assertThat(attributes.sex()).isEqualTo(Sex.FEMALE);
    assertThat(attributes.name()).isEqualTo("田");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "FF1E                                                          | a one-byte header",
      "FF2024" + "DF21020005DF2203E794B0DF2306E69DB1E4BAACDF24083139393930313331DF250131 | template longer than the file",
      "FF2080DF21020005                                              | indefinite length",
      "FF2084000000001E                                              | four-byte length",
      "FF201ADF21020005DF2203E794B0DF24083139393930313331DF250131    | missing address",
      "FF2023DF21020005DF2203E794B0DF2306E69DB1E4BAACDF24083139393930313331DF250133 | sex 3",
      "FF2023DF21020005DF2203E794B0DF2306E69DB1E4BAACDF24083139393930323330DF250131 | 30 February",
      "FF2023DF21020005DF2203E794B0DF2306E69DB1E4BAACDF2408313939393031334ADF250131 | a letter in the date",
      "FF2023DF21020005DF2203FF94B0DF2306E69DB1E4BAACDF24083139393930313331DF250131 | name not UTF-8",
      "FF2022DF21020005DF2203E794B0DF2306E69DB1E4BAACDF240731393939303133DF250131 | birth date of 7 bytes",
      "FF2023DF21020005DF2240E794B0DF2306E69DB1E4BAACDF24083139393930313331DF250131 | item length past the template",
      "FF10030102030000000000000000000000000000000000000000000000000000 | the number file instead"})
  void refusesGarbledAttributeFiles(String hex, String what) {
    assertThatExceptionOfType(UnreadableCardException.class)
        .isThrownBy(() -> CardInfoFiles.attributes(bytes(hex.strip())))
        .withMessageStartingWith("カードを読み取れません");
  }

  @Test
  void readsTheTwelveDigitsOfTheNumberFile() {
    // given: FF10 0C "123456789018" and two bytes of unused space
    byte[] file = bytes("FF100C313233343536373839303138FFFF");

    // when
    MyNumber myNumber = CardInfoFiles.myNumber(file);

    // then
    assertThat(myNumber.digits()).isEqualTo("123456789018");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "FF100B3132333435363738393031      | eleven digits",
      "FF100C313233343536373839303137    | wrong check digit",
      "FF100C3132333435363738393031FF    | a byte that is no digit",
      "FF200C313233343536373839303138    | the wrong tag",
      "FF100C3132333435                  | cut short"})
  void refusesGarbledNumberFilesWithoutQuotingThem(String hex, String what) {
    assertThatExceptionOfType(UnreadableCardException.class)
        .isThrownBy(() -> CardInfoFiles.myNumber(bytes(hex.strip())))
        .withMessageNotContaining("1234567890")
        .withNoCause();
  }

  @Test
  void tellsTheTotalLengthFromAHeaderAlone() {
    assertThat(BerTlv.totalLength(bytes("FF208201"))).isEqualTo(-1);
    assertThat(BerTlv.totalLength(bytes("FF2082012C"))).isEqualTo(5 + 0x12C);
    assertThat(BerTlv.totalLength(bytes("FF20811E"))).isEqualTo(4 + 0x1E);
    assertThat(BerTlv.totalLength(bytes("FF100C3132"))).isEqualTo(3 + 12);
    assertThat(BerTlv.totalLength(bytes("DF"))).isEqualTo(-1);
  }

  @Test
  void readsThreeByteTags() {
    // given: tag DF 81 01 (two subsequent bytes), length 1
    byte[] data = bytes("DF81010142");

    // when
    BerTlv.Element element = BerTlv.read(data, 0, data.length);

    // then
    assertThat(element.tag()).isEqualTo(0xDF8101);
    assertThat(element.valueOffset()).isEqualTo(4);
    assertThat(element.valueLength()).isEqualTo(1);
  }

  @Test
  void refusesTagsLongerThanThreeBytes() {
    assertThatExceptionOfType(UnreadableCardException.class)
        .isThrownBy(() -> BerTlv.read(bytes("DF8181010142"), 0, 6));
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
