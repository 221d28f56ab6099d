package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitsTest {

  @Nested
  class Modulus11 {

    /*
     * Vectors worked by hand: weights 2, 3, 4, 5, 6, 7, 2, 3, … from the rightmost digit; the check digit
     * is 11 − (sum mod 11), except that remainders 0 and 1 give 0.
     *
     *   1          1×2 = 2                                  2 mod 11 = 2   → 9
     *   5          5×2 = 10                                10 mod 11 = 10  → 1
     *   31         1×2 + 3×3 = 11                          11 mod 11 = 0   → 0
     *   23         3×2 + 2×3 = 12                          12 mod 11 = 1   → 0
     *   37         7×2 + 3×3 = 23                          23 mod 11 = 1   → 0
     *   100000     1×7 = 7 (sixth from the right)           7 mod 11 = 7   → 4
     *   1000000    1×2 = 2 (seventh: the weights restart)   2 mod 11 = 2   → 9
     *   000100001  1×2 + 1×7 = 9 (first atena serial)       9 mod 11 = 9   → 2
     *   000050001  1×2 + 5×6 = 32 (first household serial) 32 mod 11 = 10  → 1
     *   123456789  9×2 + 8×3 + 7×4 + 6×5 + 5×6 + 4×7 + 3×2 + 2×3 + 1×4 = 174
     *                                                     174 mod 11 = 9   → 2
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "1, 9",
        "5, 1",
        "31, 0",
        "23, 0",
        "37, 0",
        "100000, 4",
        "1000000, 9",
        "000100001, 2",
        "000050001, 1",
        "123456789, 2"})
    void computesTheCheckDigitWithWeightsTwoToSevenFromTheRight(String digits, int expected) {
      // when
      int checkDigit = CheckDigits.modulus11(digits);

      // then
      assertThat(checkDigit).isEqualTo(expected);
    }

    @Test
    void appendsTheCheckDigitToTheDigits() {
      // given
      String serial = "123456789";

      // when
      String number = CheckDigits.withModulus11(serial);

      // then
      assertThat(number).isEqualTo("1234567892");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "31", "000100001", "000050001", "123456789", "987654321", "999999999"})
    void acceptsEveryNumberItIssued(String digits) {
      // given
      String number = CheckDigits.withModulus11(digits);

      // when
      boolean valid = CheckDigits.hasValidModulus11(number);

      // then
      assertThat(number).hasSize(digits.length() + 1).startsWith(digits);
      assertThat(valid).isTrue();
    }

    @Test
    void rejectsANumberWithAWrongCheckDigit() {
      // given
      String number = "1234567893";

      // when
      boolean valid = CheckDigits.hasValidModulus11(number);

      // then
      assertThat(valid).isFalse();
    }

    @Test
    void detectsEverySingleChangedDigit() {
      // given: a valid number whose check digit is not 0, so no other remainder maps to it
      String number = "1234567892";

      for (int position = 0; position < number.length(); position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          if (digit == number.charAt(position)) {
            continue;
          }
          // when
          String mistyped = number.substring(0, position) + digit + number.substring(position + 1);

          // then
          assertThat(CheckDigits.hasValidModulus11(mistyped)).as(mistyped).isFalse();
        }
      }
    }

    @Test
    void detectsASwappedPairOfNeighbouringDigits() {
      // given: 2134567892 differs from 1234567892 by the first two digits swapped
      String swapped = "2134567892";

      // when
      boolean valid = CheckDigits.hasValidModulus11(swapped);

      // then
      assertThat(CheckDigits.hasValidModulus11("1234567892")).isTrue();
      assertThat(valid).isFalse();
    }

    @Test
    void detectsEverySwapOfNeighbouringDifferentDigits() {
      // given
      String number = "1234567892";

      for (int i = 0; i + 1 < number.length() - 1; i++) {
        // when
        char[] digits = number.toCharArray();
        char first = digits[i];
        digits[i] = digits[i + 1];
        digits[i + 1] = first;
        String swapped = new String(digits);

        // then
        assertThat(CheckDigits.hasValidModulus11(swapped)).as(swapped).isFalse();
      }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a4", "12 4", "-123", "1.5", "一二三"})
    void refusesToComputeACheckDigitOfAnythingButDigits(String notDigits) {
      assertThatIllegalArgumentException().isThrownBy(() -> CheckDigits.modulus11(notDigits));
      assertThatIllegalArgumentException().isThrownBy(() -> CheckDigits.withModulus11(notDigits));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2", "12a4", "123456789X", " 1234567892", "1234567892 ", "-1234567892"})
    void judgesNonNumbersAndSingleDigitsInvalid(String notANumber) {
      // when
      boolean valid = CheckDigits.hasValidModulus11(notANumber);

      // then
      assertThat(valid).isFalse();
    }
  }

  @Nested
  class LocalGovernmentCode {

    /*
     * Weights 6, 5, 4, 3, 2 over the five digits:
     *   46201 (鹿児島市)  4×6 + 6×5 + 2×4 + 0×3 + 1×2 = 64, 64 mod 11 = 9, 11 − 9 = 2 → 462012
     *   13101 (千代田区)  1×6 + 3×5 + 1×4 + 0×3 + 1×2 = 27, 27 mod 11 = 5, 11 − 5 = 6 → 131016
     *   01100 (札幌市)    0×6 + 1×5 + 1×4 + 0×3 + 0×2 =  9,  9 mod 11 = 9, 11 − 9 = 2 → 011002
     */
    @ParameterizedTest(name = "{0} is valid")
    @ValueSource(strings = {"462012", "131016", "011002"})
    void acceptsRealCodes(String code) {
      // when
      boolean valid = CheckDigits.isValidLocalGovernmentCode(code);

      // then
      assertThat(valid).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"46201, 2", "13101, 6", "01100, 2"})
    void computesTheSixthDigitFromTheFirstFive(String fiveDigits, int expected) {
      // when
      int checkDigit = CheckDigits.localGovernmentCheckDigit(fiveDigits);

      // then
      assertThat(checkDigit).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is invalid")
    @ValueSource(strings = {"462010", "462011", "462013", "462019", "131015", "011003"})
    void rejectsAWrongSixthDigit(String code) {
      // when
      boolean valid = CheckDigits.isValidLocalGovernmentCode(code);

      // then
      assertThat(valid).isFalse();
    }

    @ParameterizedTest(name = "{0} is invalid")
    @NullAndEmptySource
    @ValueSource(strings = {"46201", "4620120", "0462012", "46201a", "46 201"})
    void rejectsAnythingButSixDigits(String code) {
      // when
      boolean valid = CheckDigits.isValidLocalGovernmentCode(code);

      // then
      assertThat(valid).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4620", "462012", "4620a"})
    void refusesToComputeTheCheckDigitOfAnythingButFiveDigits(String notFiveDigits) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CheckDigits.localGovernmentCheckDigit(notFiveDigits));
    }
  }

  @Nested
  class LocalGovernmentCodesWhoseWeightedSumIsAMultipleOfEleven {

    /*
     * JIS X 0402: the check digit is the last digit of 11 − (sum mod 11), so a remainder of 0 gives 1:
     *   11000 (埼玉県)          1×6 + 1×5 = 11,             11 mod 11 = 0 → 11 → 1 → 110001
     *   01101 (札幌市中央区)    1×5 + 1×4 + 1×2 = 11,       11 mod 11 = 0 → 11 → 1 → 011011
     *   23101 (名古屋市千種区)  2×6 + 3×5 + 1×4 + 1×2 = 33, 33 mod 11 = 0 → 11 → 1 → 231011
     */
    @ParameterizedTest(name = "{0} is valid")
    @ValueSource(strings = {"110001", "011011", "231011"})
    void areValid(String code) {
      assertThat(CheckDigits.isValidLocalGovernmentCode(code)).isTrue();
      assertThat(CheckDigits.isValidLocalGovernmentCode(code.substring(0, 5) + "0")).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"11000, 1", "01101, 1", "23101, 1"})
    void getTheCheckDigitOne(String fiveDigits, int expected) {
      assertThat(CheckDigits.localGovernmentCheckDigit(fiveDigits)).isEqualTo(expected);
    }
  }

  @Test
  void fullWidthDigitsAreNotDigits() {
    assertThatIllegalArgumentException().isThrownBy(() -> CheckDigits.modulus11("１２３"));
    assertThatIllegalArgumentException().isThrownBy(() -> CheckDigits.localGovernmentCheckDigit("４６２０１"));
    assertThat(CheckDigits.hasValidModulus11("１２３９")).isFalse();
  }
}
