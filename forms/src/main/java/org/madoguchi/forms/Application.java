package org.madoguchi.forms;

import java.util.Objects;

/**
 * One application (申請書・届出書) a visit files: which form, and how many members the form's repeated list holds.
 *
 * @param formId the form's id
 * @param members how many times the form's member list repeats (the members it lists); forms without a repeated
 *     list ignore it
 */
public record Application(String formId, int members) {

  public Application {
    Objects.requireNonNull(formId, "formId");
    if (members < 0) {
      throw new IllegalArgumentException("members must not be negative, was " + members);
    }
  }

  public static Application of(String formId, int members) {
    return new Application(formId, members);
  }
}
