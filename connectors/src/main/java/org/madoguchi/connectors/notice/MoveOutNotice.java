package org.madoguchi.connectors.notice;

import java.time.LocalDate;
import java.util.List;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

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
    List<Member> members) {

  /** Where the notice came from. */
  public enum Source {
    /** 転出証明書情報 sent through the resident registry network. */
    JUKI_NET,
    /** 引越し予約 from the online moving service (引越しワンストップサービス). */
    ONLINE_MOVING_SERVICE
  }

  /** One person on the notice, as the previous municipality recorded them. */
  public record Member(
      String memberId,
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String relationship,
      boolean householdHead,
      StatusFlags flags) {
  }

  public Member householdHead() {
    return members.stream().filter(Member::householdHead).findFirst().orElse(members.get(0));
  }
}
