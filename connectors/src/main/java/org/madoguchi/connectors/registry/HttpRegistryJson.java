package org.madoguchi.connectors.registry;

import static org.madoguchi.connectors.http.RetryingHttpClient.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the registry API ({@code openapi/registry-api.yaml}), kept apart from the domain records so
 * that renaming a domain field cannot change the wire, and so that every field the API requires is
 * checked: an answer that lacks one is an incomplete answer, named by the field's path and never by a value.
 */
final class HttpRegistryJson {

  private HttpRegistryJson() {
  }

  record NameJson(String familyName, String givenName, String familyNameKana, String givenNameKana) {

    static NameJson of(PersonName name) {
      return new NameJson(name.familyName(), name.givenName(), name.familyNameKana(), name.givenNameKana());
    }

    PersonName toName(String path) {
      return new PersonName(required(familyName, path + ".familyName"), required(givenName, path + ".givenName"),
          required(familyNameKana, path + ".familyNameKana"), required(givenNameKana, path + ".givenNameKana"));
    }
  }

  record FlagsJson(
      Boolean nhiInsured,
      Boolean lateStageElderlyInsured,
      Boolean longTermCareCertified,
      Boolean nationalPensionInsured,
      Boolean childAllowanceRecipient,
      Boolean holdsMyNumberCard) {

    static FlagsJson of(StatusFlags f) {
      return new FlagsJson(f.nhiInsured(), f.lateStageElderlyInsured(), f.longTermCareCertified(),
          f.nationalPensionInsured(), f.childAllowanceRecipient(), f.holdsMyNumberCard());
    }

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

  record ResidentJson(
      String atenaNumber,
      String householdNumber,
      String municipalityCode,
      NameJson name,
      LocalDate birthDate,
      Sex sex,
      String relationship,
      Boolean householdHead,
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
      FlagsJson flags) {

    Resident toResident(String path) {
      return new Resident(
          required(atenaNumber, path + ".atenaNumber"),
          required(householdNumber, path + ".householdNumber"),
          required(municipalityCode, path + ".municipalityCode"),
          required(name, path + ".name").toName(path + ".name"),
          required(birthDate, path + ".birthDate"),
          required(sex, path + ".sex"),
          required(relationship, path + ".relationship"),
          required(householdHead, path + ".householdHead"),
          required(postalCode, path + ".postalCode"),
          required(address, path + ".address"),
          addressLine2,
          required(becameResidentOn, path + ".becameResidentOn"),
          required(addressSince, path + ".addressSince"),
          required(notifiedOn, path + ".notifiedOn"),
          previousAddress,
          required(changeReason, path + ".changeReason"),
          removedOn,
          movedOutTo,
          required(flags, path + ".flags").toFlags(path + ".flags"));
    }
  }

  record HouseholdJson(String householdNumber, List<ResidentJson> members) {

    List<Resident> toResidents() {
      required(householdNumber, "householdNumber");
      List<ResidentJson> all = required(members, "members");
      List<Resident> residents = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        residents.add(required(all.get(i), "members[" + i + "]").toResident("members[" + i + "]"));
      }
      return List.copyOf(residents);
    }
  }

  record NewResidentJson(
      String memberRef,
      NameJson name,
      LocalDate birthDate,
      Sex sex,
      String relationship,
      boolean householdHead,
      FlagsJson flags) {

    static NewResidentJson of(HouseholdMember member) {
      return new NewResidentJson(member.id(), NameJson.of(member.name()), member.birthDate(), member.sex(),
          member.relationship(), member.householdHead(), FlagsJson.of(member.flags()));
    }
  }

  record MoveInRequestJson(
      String visitId,
      String moveOutNoticeId,
      String municipalityCode,
      LocalDate moveInDate,
      LocalDate notifiedOn,
      String postalCode,
      String address,
      String addressLine2,
      String previousAddress,
      List<NewResidentJson> members) {

    static MoveInRequestJson of(MoveInRequest request) {
      return new MoveInRequestJson(request.visitId(), request.moveOutNoticeId(), request.municipalityCode(),
          request.moveInDate(),
          request.notifiedOn(), request.postalCode(), request.address(), request.addressLine2(),
          request.previousAddress(), request.members().stream().map(NewResidentJson::of).toList());
    }
  }

  record MoveOutRequestJson(
      String requestId,
      List<String> atenaNumbers,
      LocalDate moveOutDate,
      LocalDate notifiedOn,
      String destinationAddress) {

    static MoveOutRequestJson of(MoveOutRequest request) {
      return new MoveOutRequestJson(request.requestId(), request.atenaNumbers(), request.moveOutDate(),
          request.notifiedOn(), request.destinationAddress());
    }
  }

  record MoveWithinRequestJson(
      String requestId,
      List<String> atenaNumbers,
      LocalDate moveWithinDate,
      LocalDate notifiedOn,
      String postalCode,
      String address,
      String addressLine2) {

    static MoveWithinRequestJson of(MoveWithinRequest request) {
      return new MoveWithinRequestJson(request.requestId(), request.atenaNumbers(), request.moveWithinDate(),
          request.notifiedOn(), request.postalCode(), request.address(), request.addressLine2());
    }
  }

  record ChangeRegistrationJson(
      String requestId,
      ChangeReason changeReason,
      String householdNumber,
      List<String> atenaNumbers,
      LocalDate changedOn,
      LocalDate notifiedOn) {

    ChangeRegistration toRegistration() {
      List<String> changed = required(atenaNumbers, "atenaNumbers");
      for (int i = 0; i < changed.size(); i++) {
        required(changed.get(i), "atenaNumbers[" + i + "]");
      }
      return new ChangeRegistration(required(requestId, "requestId"), required(changeReason, "changeReason"),
          required(householdNumber, "householdNumber"), changed, required(changedOn, "changedOn"),
          required(notifiedOn, "notifiedOn"));
    }
  }

  record ResidentHistoryJson(String atenaNumber, List<ResidentChangeJson> changes) {

    List<ResidentChange> toChanges() {
      required(atenaNumber, "atenaNumber");
      List<ResidentChangeJson> all = required(changes, "changes");
      List<ResidentChange> history = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        history.add(required(all.get(i), "changes[" + i + "]").toChange("changes[" + i + "]"));
      }
      return List.copyOf(history);
    }
  }

  record ResidentChangeJson(ChangeReason changeReason, LocalDate changedOn, LocalDate notifiedOn,
      ResidentJson resident) {

    ResidentChange toChange(String path) {
      return new ResidentChange(required(changeReason, path + ".changeReason"),
          required(changedOn, path + ".changedOn"), required(notifiedOn, path + ".notifiedOn"),
          required(resident, path + ".resident").toResident(path + ".resident"));
    }
  }

  record MoveInRegistrationJson(String visitId, String householdNumber, Map<String, String> atenaNumbers) {

    MoveInRegistration toRegistration(MoveInRequest request) {
      required(visitId, "visitId");
      Map<String, String> issued = required(atenaNumbers, "atenaNumbers");
      for (int i = 0; i < request.members().size(); i++) {
        required(issued.get(request.members().get(i).id()), "atenaNumbers (for members[" + i + "])");
      }
      return new MoveInRegistration(visitId, required(householdNumber, "householdNumber"),
          Collections.unmodifiableMap(new LinkedHashMap<>(issued)));
    }
  }
}
