package org.madoguchi.connectors.registry;

/** A name in kanji with its reading in full-width katakana (氏名・氏名フリガナ). */
public record PersonName(String familyName, String givenName, String familyNameKana, String givenNameKana) {

  /** 氏名 as written on forms: family and given name separated by a full-width space. */
  public String fullName() {
    return familyName + "\u3000" + givenName;
  }

  public String fullNameKana() {
    return familyNameKana + "\u3000" + givenNameKana;
  }
}
