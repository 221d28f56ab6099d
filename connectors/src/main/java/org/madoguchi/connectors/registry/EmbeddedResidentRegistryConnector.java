package org.madoguchi.connectors.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/**
 * The registry kept in the application's own database: serves the demo and a municipality that runs
 * Madoguchi beside its registry. Every change writes a full history row (異動事由, 異動日, 届出日) with the
 * resident as the change left them.
 *
 * <p>A moved-out resident keeps their row, marked with {@link Resident#removedOn()}: {@link #findResident}
 * still finds them, {@link #findHousehold} no longer lists them.
 *
 * <p>Writes are meant to run in the caller's transaction (the engine's job): a change first locks the rows of
 * the residents it names, so that two calls for the same residents take turns, and records its request id
 * last, so that a concurrent duplicate fails on that key and rolls back whole.
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
      recordHistory(resident, request.moveInDate(), request.visitId(), null);
    }
    // Inserted last: the primary key makes a concurrent second registration of the same visit fail and
    // roll back whole, instead of issuing a second set of numbers.
    jdbc.sql("insert into registry_move_in (visit_id, household_number, registered_at) values (?, ?, ?)")
        .params(request.visitId(), householdNumber, Timestamp.from(Instant.now(clock)))
        .update();
    return new MoveInRegistration(request.visitId(), householdNumber, atenaNumbers);
  }

  /**
   * {@inheritDoc}
   *
   * <p>When the household head leaves, no other member may stay: naming their new head (世帯主変更) is a
   * change of its own that this registry does not record yet.
   */
  @Override
  public ChangeRegistration registerMoveOut(MoveOutRequest request) {
    List<Resident> residents = lockResidents(request.atenaNumbers());
    Optional<ChangeRegistration> earlier = findChange(request.requestId(), ChangeReason.MOVE_OUT,
        request.atenaNumbers(), request.moveOutDate(), request.notifiedOn());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String householdNumber = requireCurrentOfOneHousehold(request.atenaNumbers(), residents, request.moveOutDate());
    boolean headLeaves = residents.stream().anyMatch(Resident::householdHead);
    boolean othersStay = findHousehold(householdNumber).stream()
        .anyMatch(member -> !request.atenaNumbers().contains(member.atenaNumber()));
    if (headLeaves && othersStay) {
      throw new RegistryRefusedException(RegistryRefusedException.Reason.HOUSEHOLD_HEAD_LEAVES_MEMBERS,
          "世帯主の転出には残る世帯員の世帯主変更が必要です / the household head moves out while other members "
              + "stay: they need a new head first");
    }
    for (Resident resident : residents) {
      Resident after = resident.movedOut(request.moveOutDate(), request.notifiedOn(),
          request.destinationAddress());
      update(after);
      recordHistory(after, request.moveOutDate(), null, request.requestId());
    }
    return recordChange(new ChangeRegistration(request.requestId(), ChangeReason.MOVE_OUT, householdNumber,
        request.atenaNumbers(), request.moveOutDate(), request.notifiedOn()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Moving only some members of a household to another address makes a household of their own (世帯分離),
   * a change this registry does not record yet.
   */
  @Override
  public ChangeRegistration registerMoveWithin(MoveWithinRequest request) {
    List<Resident> residents = lockResidents(request.atenaNumbers());
    Optional<ChangeRegistration> earlier = findChange(request.requestId(), ChangeReason.MOVE_WITHIN,
        request.atenaNumbers(), request.moveWithinDate(), request.notifiedOn());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String householdNumber = requireCurrentOfOneHousehold(request.atenaNumbers(), residents,
        request.moveWithinDate());
    if (findHousehold(householdNumber).size() != residents.size()) {
      throw new RegistryRefusedException(RegistryRefusedException.Reason.NOT_THE_WHOLE_HOUSEHOLD,
          "転居は世帯員全員を指定してください / a move-within names every current member of the household");
    }
    for (Resident resident : residents) {
      Resident after = resident.movedWithin(request.moveWithinDate(), request.notifiedOn(), request.postalCode(),
          request.address(), request.addressLine2());
      update(after);
      recordHistory(after, request.moveWithinDate(), null, request.requestId());
    }
    return recordChange(new ChangeRegistration(request.requestId(), ChangeReason.MOVE_WITHIN, householdNumber,
        request.atenaNumbers(), request.moveWithinDate(), request.notifiedOn()));
  }

  @Override
  public List<ResidentChange> history(String atenaNumber) {
    return jdbc.sql("select change_reason, changed_on, notified_on, snapshot from resident_history "
            + "where atena_number = ? order by id")
        .param(atenaNumber)
        .query((rs, row) -> new ResidentChange(ChangeReason.valueOf(rs.getString("change_reason")),
            rs.getObject("changed_on", LocalDate.class),
            rs.getObject("notified_on", LocalDate.class),
            fromJson(rs.getString("snapshot"))))
        .list();
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
            + " from resident where household_number = ? and removed_on is null"
            + " order by household_head desc, birth_date")
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
    recordHistory(resident, resident.becameResidentOn(), null, null);
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
            r.removedOn(), r.movedOutTo(), f.nhiInsured(), f.lateStageElderlyInsured(), f.longTermCareCertified(),
            f.nationalPensionInsured(), f.childAllowanceRecipient(), f.holdsMyNumberCard(), visitId, memberRef)
        .update();
  }

  /** The named residents that exist, locked until the caller's transaction ends, in one order for every caller. */
  private List<Resident> lockResidents(List<String> atenaNumbers) {
    return jdbc.sql("select " + RESIDENT_COLUMNS + " from resident where atena_number in (:atenaNumbers) "
            + "order by atena_number for update")
        .param("atenaNumbers", atenaNumbers)
        .query(EmbeddedResidentRegistryConnector::mapResident)
        .list();
  }

  /** The household of the named residents when each is a current resident and all share it; else a refusal. */
  private static String requireCurrentOfOneHousehold(List<String> atenaNumbers, List<Resident> residents,
      LocalDate changedOn) {
    for (int i = 0; i < atenaNumbers.size(); i++) {
      String atenaNumber = atenaNumbers.get(i);
      Resident resident = residents.stream().filter(r -> r.atenaNumber().equals(atenaNumber)).findFirst()
          .orElseThrow(() -> new RegistryRefusedException(RegistryRefusedException.Reason.UNKNOWN_RESIDENT,
              "住民が見つかりません（" + position(atenaNumber, atenaNumbers) + "）/ no resident has "
                  + position(atenaNumber, atenaNumbers)));
      if (resident.removed()) {
        throw new RegistryRefusedException(RegistryRefusedException.Reason.ALREADY_REMOVED,
            "既に消除された住民です（" + position(atenaNumber, atenaNumbers) + "）/ the resident of "
                + position(atenaNumber, atenaNumbers) + " left the record before");
      }
      LocalDate lastChange = resident.addressSince() != null ? resident.addressSince() : resident.becameResidentOn();
      if (lastChange != null && changedOn.isBefore(lastChange)) {
        throw new RegistryRefusedException(RegistryRefusedException.Reason.BEFORE_LAST_CHANGE,
            "異動日が前回の異動より前です（" + position(atenaNumber, atenaNumbers) + "）/ the change is dated "
                + "before the last change of the resident of " + position(atenaNumber, atenaNumbers));
      }
    }
    if (residents.stream().map(Resident::householdNumber).distinct().count() > 1) {
      throw new RegistryRefusedException(RegistryRefusedException.Reason.DIFFERENT_HOUSEHOLDS,
          "異なる世帯の住民は一つの届出にできません / the residents named belong to different households");
    }
    return residents.get(0).householdNumber();
  }

  /** Where {@code atenaNumber} stands in the request: what a message may say instead of the number. */
  private static String position(String atenaNumber, List<String> atenaNumbers) {
    return "atenaNumbers[" + atenaNumbers.indexOf(atenaNumber) + "]";
  }

  /**
   * The change recorded before under {@code requestId}, when it is this one; a refusal when the id was used for
   * another change.
   */
  private Optional<ChangeRegistration> findChange(String requestId, ChangeReason changeReason,
      List<String> atenaNumbers, LocalDate changedOn, LocalDate notifiedOn) {
    Optional<ChangeRegistration> earlier = jdbc.sql("select change_reason, household_number, atena_numbers, "
            + "changed_on, notified_on from registry_change where request_id = ?")
        .param(requestId)
        .query((rs, row) -> new ChangeRegistration(requestId, ChangeReason.valueOf(rs.getString("change_reason")),
            rs.getString("household_number"), List.of(rs.getString("atena_numbers").split(",")),
            rs.getObject("changed_on", LocalDate.class), rs.getObject("notified_on", LocalDate.class)))
        .optional();
    if (earlier.isPresent() && !(earlier.get().changeReason() == changeReason
        && earlier.get().atenaNumbers().equals(atenaNumbers)
        && earlier.get().changedOn().equals(changedOn)
        && earlier.get().notifiedOn().equals(notifiedOn))) {
      throw new RegistryRefusedException(RegistryRefusedException.Reason.REQUEST_ID_REUSED,
          "同じ要求IDで別の異動が記録済みです / the request id was used before for another change");
    }
    return earlier;
  }

  /**
   * Inserted last: the primary key makes a concurrent duplicate of the request fail and roll back whole,
   * instead of recording the change twice.
   */
  private ChangeRegistration recordChange(ChangeRegistration change) {
    jdbc.sql("insert into registry_change (request_id, change_reason, household_number, atena_numbers, "
            + "changed_on, notified_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(change.requestId(), change.changeReason().name(), change.householdNumber(),
            String.join(",", change.atenaNumbers()), change.changedOn(), change.notifiedOn(),
            Timestamp.from(Instant.now(clock)))
        .update();
    return change;
  }

  /** Writes what a move-out or a move-within changes. */
  private void update(Resident r) {
    jdbc.sql("update resident set postal_code = ?, address = ?, address_line2 = ?, address_since = ?, "
            + "notified_on = ?, change_reason = ?, removed_on = ?, moved_out_to = ? where atena_number = ?")
        .params(r.postalCode(), r.address(), r.addressLine2(), r.addressSince(), r.notifiedOn(),
            r.changeReason().name(), r.removedOn(), r.movedOutTo(), r.atenaNumber())
        .update();
  }

  private void recordHistory(Resident resident, LocalDate changedOn, String visitId, String requestId) {
    jdbc.sql("insert into resident_history (atena_number, change_reason, changed_on, notified_on, visit_id, "
            + "request_id, recorded_at, snapshot) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(resident.atenaNumber(), resident.changeReason().name(), changedOn, resident.notifiedOn(),
            visitId, requestId, Timestamp.from(Instant.now(clock)), toJson(resident))
        .update();
  }

  private String toJson(Resident resident) {
    try {
      return objectMapper.writeValueAsString(resident);
    } catch (JsonProcessingException e) {
      throw new RegistryException("could not write the history row of a resident", e);
    }
  }

  private Resident fromJson(String snapshot) {
    try {
      return objectMapper.readValue(snapshot, Resident.class);
    } catch (JsonProcessingException unreadable) {
      // without the cause: Jackson's message quotes the snapshot
      throw new RegistryException("could not read a history row of a resident");
    }
  }

  private static Resident mapResident(ResultSet rs, int row) throws SQLException {
    return new Resident(
        rs.getString("atena_number"),
        rs.getString("household_number"),
        rs.getString("municipality_code"),
        new PersonName(rs.getString("family_name"), rs.getString("given_name"),
            rs.getString("family_name_kana"), rs.getString("given_name_kana")),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("relationship"),
        rs.getBoolean("household_head"),
        rs.getString("postal_code"),
        rs.getString("address"),
        rs.getString("address_line2"),
        rs.getObject("became_resident_on", LocalDate.class),
        rs.getObject("address_since", LocalDate.class),
        rs.getObject("notified_on", LocalDate.class),
        rs.getString("previous_address"),
        ChangeReason.valueOf(rs.getString("change_reason")),
        rs.getObject("removed_on", LocalDate.class),
        rs.getString("moved_out_to"),
        StatusFlags.fromRow(rs));
  }
}
