package org.madoguchi.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.madoguchi.connectors.registry.StatusFlags;
import org.madoguchi.procedure.ProcedureState;

/** A visit as the Visit API returns it: the household with every prefilled item, the interview, the procedures. */
public record VisitView(
    String id,
    String lifeEvent,
    VisitStatus status,
    String municipalityCode,
    String moveOutNoticeId,
    String openedBy,
    Instant openedAt,
    Instant submittedAt,
    boolean incident,
    Household household,
    Interview interview,
    List<ProposedProcedure> proposedProcedures,
    List<ProcedureState> procedures) {

  public record Household(
      String householdNumber,
      String fromMunicipalityName,
      String previousAddress,
      LocalDate movedOutOn,
      String postalCode,
      String address,
      String addressLine2,
      List<Member> members) {
  }

  public record Member(
      String id,
      String atenaNumber,
      String familyName,
      String givenName,
      String familyNameKana,
      String givenNameKana,
      LocalDate birthDate,
      String birthDateJapanese,
      int age,
      String sex,
      String sexLabel,
      String relationship,
      boolean householdHead,
      StatusFlags flags) {
  }

  /** The interview's questions for this household with their current values (answers, else defaults). */
  public record Interview(boolean recorded, LocalDate referenceDate, List<Question> questions) {
  }

  public record Question(String key, String scope, String memberId, String type, LocalizedText label, Object value) {
  }
}
