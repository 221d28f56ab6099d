package org.madoguchi.connectors.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/**
 * The registry kept in the application's own database: serves the demo and a municipality that runs
 * Madoguchi beside its registry. Every change writes a full history row (異動事由, 異動日, 届出日).
 */
public class EmbeddedResidentRegistryConnector implements ResidentRegistryConnector {

  private static final String RESIDENT_COLUMNS = """
      atena_number, household_number, municipality_code, family_name, given_name, family_name_kana,
      given_name_kana, birth_date, sex, relationship, household_head, postal_code, address, address_line2,
      became_resident_on, address_since, notified_on, previous_address, change_reason, removed_on, moved_out_to,
      nhi_insured, late_stage_elderly_insured, long_term_care_certified, national_pension_insured,
      child_allowance_recipient, holds_my_number_card""";
  /** The columns above, then registered_by_visit and source_member_ref. */
  private static final String INSERT_PLACEHOLDERS = "?, ".repeat(28) + "?";

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer atenaSerials;
  private final DataFieldMaxValueIncrementer householdSerials;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  public EmbeddedResidentRegistryConnector(JdbcClient jdbc, DataFieldMaxValueIncrementer atenaSerials,
      DataFieldMaxValueIncrementer householdSerials, ObjectMapper objectMapper, Clock clock) {
    this.jdbc = jdbc;
    this.atenaSerials = atenaSerials;
    this.householdSerials = householdSerials;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  @Override
  public MoveInRegistration registerMoveIn(MoveInRequest request) {
    Optional<MoveInRegistration> earlier = findRegistration(request.visitId());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String householdNumber = newHouseholdNumber();
    Map<String, String> atenaNumbers = new LinkedHashMap<>();
    for (HouseholdMember member : request.members()) {
      String atenaNumber = newAtenaNumber();
      atenaNumbers.put(member.id(), atenaNumber);
      Resident resident = new Resident(atenaNumber, householdNumber, request.municipalityCode(), member.name(),
          member.birthDate(), member.sex(), member.relationship(), member.householdHead(), request.postalCode(),
          request.address(), request.addressLine2(), request.moveInDate(), request.moveInDate(),
          request.notifiedOn(), request.previousAddress(), ChangeReason.MOVE_IN, null, null, member.flags());
      insert(resident, request.visitId(), member.id());
      if (request.moveOutNoticeId() != null) {
        copyMyNumberFromNotice(atenaNumber, request.moveOutNoticeId(), member.id());
      }
      recordHistory(resident, request.visitId());
    }
    // Inserted last: the primary key makes a concurrent second registration of the same visit fail and
    // roll back whole, instead of issuing a second set of numbers.
    jdbc.sql("insert into registry_move_in (visit_id, household_number, registered_at) values (?, ?, ?)")
        .params(request.visitId(), householdNumber, Timestamp.from(Instant.now(clock)))
        .update();
    return new MoveInRegistration(request.visitId(), householdNumber, atenaNumbers);
  }

  @Override
  public Optional<Resident> findResident(String atenaNumber) {
    return jdbc.sql("select " + RESIDENT_COLUMNS + " from resident where atena_number = ?")
        .param(atenaNumber)
        .query(EmbeddedResidentRegistryConnector::mapResident)
        .optional();
  }

  @Override
  public List<Resident> findHousehold(String householdNumber) {
    return jdbc.sql("select " + RESIDENT_COLUMNS
            + " from resident where household_number = ? order by household_head desc, birth_date")
        .param(householdNumber)
        .query(EmbeddedResidentRegistryConnector::mapResident)
        .list();
  }

  /** Adds an existing resident (demo data, or a migration from another registry) with its history row. */
  public void addExisting(Resident resident, MyNumber myNumber) {
    insert(resident, null, null);
    if (myNumber != null) {
      jdbc.sql("update resident set my_number = ? where atena_number = ?")
          .params(myNumber.digits(), resident.atenaNumber()).update();
    }
    recordHistory(resident, null);
  }

  /** The registry takes the number from the notice it holds, in the database: it passes through no caller. */
  private void copyMyNumberFromNotice(String atenaNumber, String noticeId, String memberId) {
    jdbc.sql("update resident set my_number = (select n.my_number from move_out_notice_member n "
            + "where n.notice_id = ? and n.member_id = ?) where atena_number = ?")
        .params(noticeId, memberId, atenaNumber).update();
  }

  /** Issues a fresh household number (demo data builds households with it). */
  public String newHouseholdNumber() {
    return CheckDigits.withModulus11(String.format("%09d", householdSerials.nextLongValue()));
  }

  /** Issues a fresh atena number. */
  public String newAtenaNumber() {
    return CheckDigits.withModulus11(String.format("%09d", atenaSerials.nextLongValue()));
  }

  private Optional<MoveInRegistration> findRegistration(String visitId) {
    return jdbc.sql("select household_number from registry_move_in where visit_id = ?")
        .param(visitId)
        .query(String.class)
        .optional()
        .map(householdNumber -> {
          Map<String, String> atenaNumbers = new LinkedHashMap<>();
          jdbc.sql("select source_member_ref, atena_number from resident where registered_by_visit = ? "
                  + "order by atena_number")
              .param(visitId)
              .query((rs, row) -> atenaNumbers.put(rs.getString(1), rs.getString(2)))
              .list();
          return new MoveInRegistration(visitId, householdNumber, atenaNumbers);
        });
  }

  private void insert(Resident r, String visitId, String memberRef) {
    StatusFlags f = r.flags();
    jdbc.sql("insert into resident (" + RESIDENT_COLUMNS + ", registered_by_visit, source_member_ref) "
            + "values (" + INSERT_PLACEHOLDERS + ")")
        .params(r.atenaNumber(), r.householdNumber(), r.municipalityCode(), r.name().familyName(),
            r.name().givenName(), r.name().familyNameKana(), r.name().givenNameKana(), r.birthDate(),
            r.sex().name(), r.relationship(), r.householdHead(), r.postalCode(), r.address(), r.addressLine2(),
            r.becameResidentOn(), r.addressSince(), r.notifiedOn(), r.previousAddress(), r.changeReason().name(),
            r.removedOn(), r.movedOutTo(), f.nhiInsured(), f.lateStageElderlyInsured(), f.longTermCareCertified(), f.nationalPensionInsured(),
            f.childAllowanceRecipient(), f.holdsMyNumberCard(), visitId, memberRef)
        .update();
  }

  private void recordHistory(Resident resident, String visitId) {
    jdbc.sql("insert into resident_history (atena_number, change_reason, changed_on, notified_on, visit_id, "
            + "recorded_at, snapshot) values (?, ?, ?, ?, ?, ?, ?)")
        .params(resident.atenaNumber(), resident.changeReason().name(), resident.becameResidentOn(),
            resident.notifiedOn(), visitId, Timestamp.from(Instant.now(clock)), toJson(resident))
        .update();
  }

  private String toJson(Resident resident) {
    try {
      return objectMapper.writeValueAsString(resident);
    } catch (JsonProcessingException e) {
      throw new RegistryException("could not write the history row of a resident", e);
    }
  }

  private static Resident mapResident(ResultSet rs, int row) throws SQLException {
    return new Resident(
        rs.getString("atena_number"),
        rs.getString("household_number"),
        rs.getString("municipality_code"),
        new PersonName(rs.getString("family_name"), rs.getString("given_name"),
            rs.getString("family_name_kana"), rs.getString("given_name_kana")),
        rs.getObject("birth_date", java.time.LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("relationship"),
        rs.getBoolean("household_head"),
        rs.getString("postal_code"),
        rs.getString("address"),
        rs.getString("address_line2"),
        rs.getObject("became_resident_on", java.time.LocalDate.class),
        rs.getObject("address_since", java.time.LocalDate.class),
        rs.getObject("notified_on", java.time.LocalDate.class),
        rs.getString("previous_address"),
        ChangeReason.valueOf(rs.getString("change_reason")),
        rs.getObject("removed_on", java.time.LocalDate.class),
        rs.getString("moved_out_to"),
        StatusFlags.fromRow(rs));
  }
}
