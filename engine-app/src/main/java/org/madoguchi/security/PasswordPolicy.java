package org.madoguchi.security;

import java.util.Optional;
import org.madoguchi.demo.DemoUsers;

/**
 * The passwords staff accounts may have outside the demo: at least {@value #MIN_LENGTH} characters, not the user's
 * own id, and not a demo account's well-known password. The startup guard holds the first administrator to it, and
 * administrators every password they set.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  private PasswordPolicy() {
  }

  /** Why {@code password} cannot be {@code userId}'s, in Japanese; empty when it can. */
  public static Optional<String> problem(String userId, String password) {
    if (password == null || password.isBlank()) {
      return Optional.of("パスワードを入力してください。");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("パスワードは " + MIN_LENGTH + " 文字以上にしてください。");
    }
    if (password.equals(userId)
        || DemoUsers.ACCOUNTS.stream().anyMatch(account -> account.userId().equals(password))) {
      return Optional.of("ユーザー名やデモ用のパスワードと同じものは使えません。");
    }
    return Optional.empty();
  }
}
