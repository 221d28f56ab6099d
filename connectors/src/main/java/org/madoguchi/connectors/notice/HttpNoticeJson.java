package org.madoguchi.connectors.notice;

import static org.madoguchi.connectors.http.RetryingHttpClient.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.connectors.http.RetryingHttpClient.InvalidField;
import org.madoguchi.connectors.http.RetryingHttpClient.MissingField;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.Kana;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/**
 * The JSON of the move-out notice API ({@code openapi/move-out-notice-api.yaml}), kept apart from the domain
 * records so that renaming a domain field cannot change the wire. Every field the API requires is checked,
 * and readings are normalised to full-width katakana; a fault is named by the field's path, never by a value.
 */
final class HttpNoticeJson {

  private HttpNoticeJson() {
  }

  static String kana(String value, String path) {
    try {
      return Kana.normalise(required(value, path));
    } catch (Kana.NotKanaException notKana) {
      throw new InvalidField(path, "is not a reading in kana (character " + notKana.position() + ")");
    }
  }

  record NameJson(String familyName, String givenName, String familyNameKana, String givenNameKana) {

    PersonName toName(String path) {
      return new PersonName(required(familyName, path + ".familyName"), required(givenName, path + ".givenName"),
          kana(familyNameKana, path + ".familyNameKana"), kana(givenNameKana, path + ".givenNameKana"));
    }
  }

  record FlagsJson(
      Boolean nhiInsured,
      Boolean lateStageElderlyInsured,
      Boolean longTermCareCertified,
      Boolean nationalPensionInsured,
      Boolean childAllowanceRecipient,
      Boolean holdsMyNumberCard) {

    StatusFlags toFlags(String path) {
      return new StatusFlags(
          required(nhiInsured, path + ".nhiInsured"),
          required(lateStageElderlyInsured, path + ".lateStageElderlyInsured"),
          required(longTermCareCertified, path + ".longTermCareCertified"),
          required(nationalPensionInsured, path + ".nationalPensionInsured"),
          required(childAllowanceRecipient, path + ".childAllowanceRecipient"),
          required(holdsMyNumberCard, path + ".holdsMyNumberCard"));
    }
  }

  record MemberJson(
      String memberId,
      NameJson name,
      LocalDate birthDate,
      Sex sex,
      String relationship,
      Boolean householdHead,
      FlagsJson flags) {

    HouseholdMember toMember(String path) {
      return new HouseholdMember(
          required(memberId, path + ".memberId"),
          required(name, path + ".name").toName(path + ".name"),
          required(birthDate, path + ".birthDate"),
          required(sex, path + ".sex"),
          required(relationship, path + ".relationship"),
          required(householdHead, path + ".householdHead"),
          required(flags, path + ".flags").toFlags(path + ".flags"));
    }
  }

  record NoticeJson(
      String id,
      MoveOutNotice.Source source,
      String toMunicipalityCode,
      String fromMunicipalityCode,
      String fromMunicipalityName,
      String fromAddress,
      LocalDate movedOutOn,
      LocalDate plannedMoveDate,
      String plannedPostalCode,
      String plannedAddress,
      String plannedAddressLine2,
      List<MemberJson> members) {

    MoveOutNotice toNotice() {
      List<MemberJson> all = required(members, "members");
      if (all.isEmpty()) {
        throw new MissingField("members[0]");
      }
      List<HouseholdMember> household = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        household.add(required(all.get(i), "members[" + i + "]").toMember("members[" + i + "]"));
      }
      long heads = household.stream().filter(HouseholdMember::householdHead).count();
      if (heads != 1) {
        throw new InvalidField("members", "must have exactly one householdHead, not " + heads);
      }
      return new MoveOutNotice(
          required(id, "id"),
          required(source, "source"),
          required(toMunicipalityCode, "toMunicipalityCode"),
          required(fromMunicipalityCode, "fromMunicipalityCode"),
          required(fromMunicipalityName, "fromMunicipalityName"),
          required(fromAddress, "fromAddress"),
          movedOutOn,
          plannedMoveDate,
          plannedPostalCode,
          plannedAddress,
          plannedAddressLine2,
          List.copyOf(household));
    }
  }

  record SummaryJson(
      String id,
      MoveOutNotice.Source source,
      String fromMunicipalityName,
      LocalDate plannedMoveDate,
      String householdHeadName,
      String householdHeadNameKana,
      Integer memberCount) {

    MoveOutNoticeSummary toSummary(String path) {
      int count = required(memberCount, path + ".memberCount");
      if (count < 1) {
        throw new InvalidField(path + ".memberCount", "must be at least 1");
      }
      return new MoveOutNoticeSummary(
          required(id, path + ".id"),
          required(source, path + ".source"),
          required(fromMunicipalityName, path + ".fromMunicipalityName"),
          plannedMoveDate,
          required(householdHeadName, path + ".householdHeadName"),
          kana(householdHeadNameKana, path + ".householdHeadNameKana"),
          count);
    }
  }

  record NoticeListJson(List<SummaryJson> notices) {

    List<MoveOutNoticeSummary> toSummaries() {
      List<SummaryJson> all = required(notices, "notices");
      List<MoveOutNoticeSummary> summaries = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        summaries.add(required(all.get(i), "notices[" + i + "]").toSummary("notices[" + i + "]"));
      }
      return List.copyOf(summaries);
    }
  }

  record UseJson(String visitId) {
  }
}
