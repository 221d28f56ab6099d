package org.madoguchi.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.HouseholdMember;

/**
 * 世帯: the household as the visit holds it, prefilled from what the municipality already has (the
 * move-out notice), so no item is asked of the resident again.
 */
public record VisitHousehold(
    String fromMunicipalityCode,
    String fromMunicipalityName,
    String previousAddress,
    LocalDate movedOutOn,
    LocalDate plannedMoveDate,
    String postalCode,
    String address,
    String addressLine2,
    List<HouseholdMember> members) {

  static VisitHousehold from(MoveOutNotice notice) {
    return new VisitHousehold(notice.fromMunicipalityCode(), notice.fromMunicipalityName(), notice.fromAddress(),
        notice.movedOutOn(), notice.plannedMoveDate(), notice.plannedPostalCode(), notice.plannedAddress(),
        notice.plannedAddressLine2(),
        notice.members());
  }

  public Optional<HouseholdMember> member(String memberId) {
    return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
  }

  public HouseholdMember head() {
    return members.stream().filter(HouseholdMember::householdHead).findFirst().orElse(members.get(0));
  }
}
