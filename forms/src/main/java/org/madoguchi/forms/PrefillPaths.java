package org.madoguchi.forms;

import java.util.Set;

/**
 * The paths a prefilled field may name: the data the municipality holds when the counter opens a visit (the
 * move-out notice, the registry after the move-in is recorded, the visit, the municipality's settings). Paths under
 * {@code member} are the member the field is about: inside a list repeated per member, each listed member; elsewhere
 * the member the application is for (the claimant, the insured person, the pupil).
 *
 * <p>There is deliberately no path for a My Number (個人番号): it is read from the card at the counter and never
 * stored, so a field showing it is an interview field.
 */
public final class PrefillPaths {

  /** Every path a form may prefill from. */
  public static final Set<String> ALL = Set.of(
      // the member: from the move-out notice, then the registry
      "member.name.familyName",
      "member.name.givenName",
      "member.name.familyNameKana",
      "member.name.givenNameKana",
      "member.name.fullName",
      "member.name.fullNameKana",
      "member.birthDate",
      "member.sex",
      "member.relationship",
      "member.atenaNumber",
      // the school year a pupil enters, derived from the birth date and the school year (学齢)
      "member.schoolGrade",
      // the household: new address from the move-out notice (転入予定地), previous address and municipality
      "household.address",
      "household.postalCode",
      "household.addressLine2",
      "household.previousAddress",
      "household.fromMunicipalityName",
      "household.head.name.fullName",
      "household.head.name.fullNameKana",
      "household.head.birthDate",
      // the head's spouse (relationship 妻 or 夫), when one lives in the household
      "household.spouse.name.fullName",
      // the visit
      "visit.moveInDate",
      "visit.notifiedOn",
      // issued when the move-in is registered
      "registry.householdNumber",
      // the municipality's settings
      "municipality.name");

  private PrefillPaths() {
  }
}
