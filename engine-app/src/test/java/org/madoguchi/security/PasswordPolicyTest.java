package org.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void acceptsALongPasswordOfItsOwn() {
    assertThat(PasswordPolicy.problem("tanaka", "sakurajima-2024")).isEmpty();
  }

  @Test
  void refusesShortBlankAndWellKnownPasswords() {
    assertThat(PasswordPolicy.problem("tanaka", null)).isPresent();
    assertThat(PasswordPolicy.problem("tanaka", "            ")).isPresent();
    assertThat(PasswordPolicy.problem("tanaka", "sakurajima1")).hasValueSatisfying(m -> assertThat(m).contains("12"));
    assertThat(PasswordPolicy.problem("tanakatanaka", "tanakatanaka")).isPresent();
  }
}
