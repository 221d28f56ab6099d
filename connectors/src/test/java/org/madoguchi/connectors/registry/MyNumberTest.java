package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumberTest {

  /*
   * Worked by hand with the official rule: Pn is the n-th of the eleven digits from the right, Qn = n + 1
   * for n = 1…6 and n − 5 for n = 7…11; r = Σ Pn × Qn mod 11; check = 0 if r ≤ 1, else 11 − r.
   *
   *   12345678901  1×2 + 0×3 + 9×4 + 8×5 + 7×6 + 6×7 + 5×2 + 4×3 + 3×4 + 2×5 + 1×6 = 212, r = 3  → 8
   *   98765432109  9×2 + 0×3 + 1×4 + 2×5 + 3×6 + 4×7 + 5×2 + 6×3 + 7×4 + 8×5 + 9×6 = 228, r = 8  → 3
   *   00000000000  0                                                              r = 0  → 0
   *   00000000006  6×2 = 12                                                       r = 1  → 0
   *   00000000005  5×2 = 10                                                       r = 10 → 1
   *   00001000000  1×2 (n = 7: Q drops back to 2)                                 r = 2  → 9
   *   10000000000  1×6 (n = 11)                                                   r = 6  → 5
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "12345678901, 8",
      "98765432109, 3",
      "00000000000, 0",
      "00000000006, 0",
      "00000000005, 1",
      "00001000000, 9",
      "10000000000, 5"})
  void computesTheOfficialCheckDigit(String elevenDigits, int expected) {
    // when
    int checkDigit = MyNumber.checkDigit(elevenDigits);

    // then
    assertThat(checkDigit).isEqualTo(expected);
    assertThat(MyNumber.isValid(elevenDigits + expected)).isTrue();
  }

  @Test
  void detectsEverySingleMistypedDigit() {
    // given
    String number = "123456789018";

    for (int position = 0; position < 12; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit == number.charAt(position)) {
          continue;
        }
        // when
        String mistyped = number.substring(0, position) + digit + number.substring(position + 1);

        // then
        assertThat(MyNumber.isValid(mistyped)).as("position %d → %s", position, digit).isFalse();
      }
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"12345678901", "1234567890180", "12345678901a", "１２３４５６７８９０１８", " 23456789018"})
  void judgesAnythingButTwelveAsciiDigitsInvalid(String notANumber) {
    assertThat(MyNumber.isValid(notANumber)).isFalse();
  }

  @Test
  void refusesAnInvalidNumberWithoutRepeatingIt() {
    assertThatIllegalArgumentException().isThrownBy(() -> MyNumber.of("123456789017"))
        .withMessageNotContaining("123456789017")
        .withMessageContaining("12桁");
  }

  @Test
  void showsItselfFullyMasked() {
    // given
    MyNumber myNumber = MyNumber.of("123456789018");

    // when
    String shown = myNumber.toString();

    // then
    assertThat(shown).isEqualTo("個人番号(非表示)").doesNotContainPattern("\\d");
    assertThat(String.valueOf(myNumber)).isEqualTo(shown);
  }

  @Test
  void givesItsDigitsOnlyWhenAskedAndComparesByThem() {
    // given
    MyNumber myNumber = MyNumber.of("123456789018");

    // then
    assertThat(myNumber.digits()).isEqualTo("123456789018");
    assertThat(myNumber).isEqualTo(MyNumber.of("123456789018")).isNotEqualTo(MyNumber.of("987654321093"));
    assertThat(myNumber.hashCode()).isEqualTo(MyNumber.of("123456789018").hashCode());
  }

  @Test
  void refusesToBeWrittenAsJsonEvenInsideAnotherObject() {
    // given
    ObjectMapper objectMapper = new ObjectMapper();
    MyNumber myNumber = MyNumber.of("123456789018");

    // when / then
    assertThatExceptionOfType(JsonMappingException.class)
        .isThrownBy(() -> objectMapper.writeValueAsString(myNumber))
        .withMessageContaining("never serialized")
        .withMessageNotContaining("123456789018");
    assertThatExceptionOfType(JsonMappingException.class)
        .isThrownBy(() -> objectMapper.writeValueAsString(Map.of("applicant", myNumber)));
  }

  @Test
  void refusesJavaSerialization() throws Exception {
    // given
    ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());

    // when / then
    assertThatExceptionOfType(NotSerializableException.class)
        .isThrownBy(() -> out.writeObject(MyNumber.of("123456789018")));
  }
}
