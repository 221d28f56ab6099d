package org.madoguchi.connectors.registry;

/**
 * Modulus-11 check digits of the identifiers the registry issues and receives.
 *
 * <p>宛名番号 (atena number) and 世帯番号 (household number) carry a modulus-11 check digit with weights
 * 2–7 repeating from the rightmost data digit, where a remainder of 0 or 1 gives 0. 地方公共団体コード (local
 * government code, JIS X 0402) carries the last digit of 11 − (weighted sum mod 11) with weights 6–2 over
 * its five digits, so a remainder of 0 gives 1 (札幌市中央区 011011). Only ASCII digits count as digits.
 */
public final class CheckDigits {

  private CheckDigits() {
  }

  /** The modulus-11 (weights 2–7 from the right) check digit of {@code digits}. */
  public static int modulus11(String digits) {
    requireDigits(digits);
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += digit * (2 + i % 6);
    }
    int remainder = sum % 11;
    return remainder <= 1 ? 0 : 11 - remainder;
  }

  /** {@code digits} followed by its modulus-11 check digit. */
  public static String withModulus11(String digits) {
    return digits + modulus11(digits);
  }

  /** Whether the last digit of {@code number} is the modulus-11 check digit of the others. */
  public static boolean hasValidModulus11(String number) {
    if (number == null || number.length() < 2 || !isAsciiDigits(number)) {
      return false;
    }
    String body = number.substring(0, number.length() - 1);
    return modulus11(body) == number.charAt(number.length() - 1) - '0';
  }

  /** Whether {@code code} is a 6-digit local government code whose 6th digit checks. */
  public static boolean isValidLocalGovernmentCode(String code) {
    if (code == null || code.length() != 6 || !isAsciiDigits(code)) {
      return false;
    }
    return localGovernmentCheckDigit(code.substring(0, 5)) == code.charAt(5) - '0';
  }

  /** The check digit of a 5-digit local government code. */
  public static int localGovernmentCheckDigit(String fiveDigits) {
    requireDigits(fiveDigits);
    if (fiveDigits.length() != 5) {
      throw new IllegalArgumentException("a local government code has 5 digits before its check digit");
    }
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (fiveDigits.charAt(i) - '0') * (6 - i);
    }
    return (11 - sum % 11) % 10;
  }

  private static boolean isAsciiDigits(String text) {
    return text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static void requireDigits(String digits) {
    if (digits == null || digits.isEmpty() || !isAsciiDigits(digits)) {
      throw new IllegalArgumentException("expected decimal digits");
    }
  }
}
