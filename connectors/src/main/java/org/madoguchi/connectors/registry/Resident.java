package org.madoguchi.connectors.registry;

import java.time.LocalDate;

/**
 * 住民: one person's current row of the resident record, with the items of the standard resident-record
 * specification that Madoguchi uses. A resident who moved out keeps the row, marked removed.
 *
 * @param becameResidentOn 住民となった年月日
 * @param addressSince 住所を定めた年月日: the day the person took up the current address (moved in, or moved
 *     within the municipality)
 * @param notifiedOn 届出年月日 of the last change
 * @param previousAddress 転入前住所
 * @param changeReason 異動事由 of the last change
 * @param removedOn 消除日: the day the person left the record (moved out); null while resident
 * @param movedOutTo 転出先: the address the person moved out to; null unless moved out
 */
public record Resident(
    String atenaNumber,
    String householdNumber,
    String municipalityCode,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    String relationship,
    boolean householdHead,
    String postalCode,
    String address,
    String addressLine2,
    LocalDate becameResidentOn,
    LocalDate addressSince,
    LocalDate notifiedOn,
    String previousAddress,
    ChangeReason changeReason,
    LocalDate removedOn,
    String movedOutTo,
    StatusFlags flags) {

  /** Whether the person has left the record (moved out). */
  public boolean removed() {
    return removedOn != null;
  }

  /** The row as a move-out on {@code moveOutDate} to {@code destination}, notified on {@code notified}, leaves it. */
  public Resident movedOut(LocalDate moveOutDate, LocalDate notified, String destination) {
    return new Resident(atenaNumber, householdNumber, municipalityCode, name, birthDate, sex, relationship,
        householdHead, postalCode, address, addressLine2, becameResidentOn, addressSince, notified,
        previousAddress, ChangeReason.MOVE_OUT, moveOutDate, destination, flags);
  }

  /** The row as a move-within to the new address on {@code moveDate}, notified on {@code notified}, leaves it. */
  public Resident movedWithin(LocalDate moveDate, LocalDate notified, String newPostalCode, String newAddress,
      String newAddressLine2) {
    return new Resident(atenaNumber, householdNumber, municipalityCode, name, birthDate, sex, relationship,
        householdHead, newPostalCode, newAddress, newAddressLine2, becameResidentOn, moveDate, notified,
        previousAddress, ChangeReason.MOVE_WITHIN, null, null, flags);
  }
}
