package org.madoguchi.connectors.card;

import java.time.LocalDate;
import org.madoguchi.connectors.registry.Sex;

/**
 * 基本4情報 as the card's card-info input support application holds them: the name and address exactly as
 * written on the card (family and given name are not split, the address carries its 方書), the birth date
 * (the card writes it in the Gregorian calendar as YYYYMMDD) and the sex.
 */
public record CardAttributes(String name, String address, LocalDate birthDate, Sex sex) {

  /** Personal data stays out of log lines that print the object by mistake. */
  @Override
  public String toString() {
    return "CardAttributes[氏名・住所・生年月日・性別 (非表示)]";
  }
}
