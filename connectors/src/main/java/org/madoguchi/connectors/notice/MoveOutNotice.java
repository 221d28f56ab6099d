package org.madoguchi.connectors.notice;

import java.time.LocalDate;
import java.util.List;
import org.madoguchi.connectors.registry.HouseholdMember;

/**
 * 転出証明書情報 / 引越し予約: the household data the previous municipality (through 住基ネット) or the
 * online moving service (引越しワンストップ) sends ahead of the move-in visit.
 */
public record MoveOutNotice(
    String id,
    Source source,
    String toMunicipalityCode,
    String fromMunicipalityCode,
    String fromMunicipalityName,
    String fromAddress,
    LocalDate movedOutOn,
    LocalDate plannedMoveDate,
    String plannedPostalCode,
    String plannedAddress,
    String plannedAddressLine2,
    List<HouseholdMember> members) {

  /** Where the notice came from. */
  public enum Source {
    /** 転出証明書情報 sent through the resident registry network. */
    JUKI_NET,
    /** 引越し予約 from the online moving service (引越しワンストップサービス). */
    ONLINE_MOVING_SERVICE
  }


  public HouseholdMember householdHead() {
    return members.stream().filter(HouseholdMember::householdHead).findFirst().orElse(members.get(0));
  }
}
