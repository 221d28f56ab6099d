package org.madoguchi.connectors.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * 個人番号: the 12-digit My Number, held only for the step that needs it.
 *
 * <p>It must never enter a process variable, the engine's history, a log line or an exception message, so
 * this type shows itself masked ({@link #toString()}), refuses JSON serialization (Camunda Spin and
 * Jackson fail on it) and is not {@link java.io.Serializable}. Only {@link #digits()} gives the number,
 * for the one call that sends it where it is allowed to go.
 */
@JsonSerialize(using = MyNumber.NeverSerialized.class)
public final class MyNumber {

  static final String MASKED = "個人番号(非表示)";

  private final String digits;

  private MyNumber(String digits) {
    this.digits = digits;
  }

  /**
   * The number, if {@code digits} are 12 ASCII digits whose last is the check digit of the other eleven.
   *
   * @throws IllegalArgumentException otherwise, with a message that does not repeat the input
   */
  public static MyNumber of(CharSequence digits) {
    if (!isValid(digits)) {
      throw new IllegalArgumentException("個人番号は検査用数字の合う12桁の数字です / "
          + "a My Number is 12 digits whose last is the check digit");
    }
    return new MyNumber(digits.toString());
  }

  /** Whether {@code digits} are 12 ASCII digits whose last is the check digit of the first eleven. */
  public static boolean isValid(CharSequence digits) {
    if (digits == null || digits.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return checkDigit(digits.subSequence(0, 11)) == digits.charAt(11) - '0';
  }

  /**
   * The official check digit (検査用数字) of the eleven leading digits: with Pn the n-th digit counted from
   * the right of the eleven and Qn = n + 1 for n = 1…6 and n − 5 for n = 7…11, the remainder
   * r = Σ Pn × Qn mod 11 gives 0 when r ≤ 1 and 11 − r otherwise.
   */
  public static int checkDigit(CharSequence elevenDigits) {
    if (elevenDigits.length() != 11) {
      throw new IllegalArgumentException("the check digit is computed over 11 digits");
    }
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
      int p = elevenDigits.charAt(11 - n) - '0';
      int q = n <= 6 ? n + 1 : n - 5;
      sum += p * q;
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
  }

  /** The 12 digits. Call it only where the number is sent to a system that is allowed to receive it. */
  public String digits() {
    return digits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MyNumber that && digits.equals(that.digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** Always {@value #MASKED}: the number never reaches a log line or a message through this. */
  @Override
  public String toString() {
    return MASKED;
  }

  /** Makes any attempt to write a My Number as JSON fail, whatever object it sits in. */
  static final class NeverSerialized extends StdSerializer<MyNumber> {

    NeverSerialized() {
      super(MyNumber.class);
    }

    @Override
    public void serialize(MyNumber value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      throw JsonMappingException.from(gen,
          "個人番号はシリアライズしません / a My Number is never serialized (keep a reference instead)");
    }
  }
}
