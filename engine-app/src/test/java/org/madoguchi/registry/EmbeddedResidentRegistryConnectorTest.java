package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.madoguchi.connectors.registry.ChangeReason;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.connectors.registry.EmbeddedResidentRegistryConnector;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.MoveInRegistration;
import org.madoguchi.connectors.registry.MoveInRequest;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Resident;
import org.madoguchi.connectors.registry.ResidentRegistryConnector;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded registry against an in-memory H2 database built by the application's own Flyway migration;
 * only the JDBC slice, the connectors' auto-configuration and Jackson are loaded, not the engine.
 */
@JdbcTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:registry;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password="})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({EmbeddedConnectorsAutoConfiguration.class, JacksonAutoConfiguration.class})
class EmbeddedResidentRegistryConnectorTest {

  private static final String KAGOSHIMA = "462012";
  private static final StatusFlags NHI_WITH_PENSION = new StatusFlags(true, false, false, true, false, true);
  private static final StatusFlags NHI_CHILD = new StatusFlags(true, false, false, false, false, false);

  @Autowired
  private ResidentRegistryConnector registry;

  @Autowired
  private JdbcClient jdbc;

  @Autowired
  private ObjectMapper objectMapper;

  @Autowired
  private ApplicationContext context;

  @Test
  void loadsTheEmbeddedRegistryWithoutTheEngine() {
    assertThat(registry).isInstanceOf(EmbeddedResidentRegistryConnector.class);
    assertThat(context.getBeanNamesForType(ProcessEngine.class)).isEmpty();
  }

  @Test
  void issuesOneHouseholdNumberAndOneAtenaNumberPerMemberWithValidCheckDigits() {
    // given
    MoveInRequest request = familyOfThree(newVisitId());

    // when
    MoveInRegistration registration = registry.registerMoveIn(request);

    // then
    assertThat(registration.visitId()).isEqualTo(request.visitId());
    assertThat(registration.householdNumber()).matches("\\d{10}");
    assertThat(CheckDigits.hasValidModulus11(registration.householdNumber())).isTrue();
    assertThat(registration.atenaNumberByMemberRef()).containsOnlyKeys("M-1", "M-2", "M-3");
    assertThat(registration.atenaNumberByMemberRef().values())
        .doesNotHaveDuplicates()
        .allSatisfy(atenaNumber -> {
          assertThat(atenaNumber).matches("\\d{10}");
          assertThat(CheckDigits.hasValidModulus11(atenaNumber)).as(atenaNumber).isTrue();
        });
  }

  @Test
  void returnsTheSameNumbersWhenTheSameVisitRegistersAgainAndWritesNothingTwice() {
    // given
    MoveInRequest request = familyOfThree(newVisitId());
    MoveInRegistration first = registry.registerMoveIn(request);
    int residentsBefore = countAll("resident");
    int historyBefore = countAll("resident_history");
    int moveInsBefore = countAll("registry_move_in");

    // when
    MoveInRegistration second = registry.registerMoveIn(request);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(countAll("resident")).isEqualTo(residentsBefore);
    assertThat(countAll("resident_history")).isEqualTo(historyBefore);
    assertThat(countAll("registry_move_in")).isEqualTo(moveInsBefore);
    assertThat(countWhere("resident", "registered_by_visit", request.visitId())).isEqualTo(3);
    assertThat(countWhere("resident_history", "visit_id", request.visitId())).isEqualTo(3);
  }

  @Test
  void findsTheHouseholdWithTheDataGivenHeadFirstThenByBirthDate() {
    // given
    MoveInRequest request = familyOfThree(newVisitId());
    MoveInRegistration registration = registry.registerMoveIn(request);
    Map<String, String> atena = registration.atenaNumberByMemberRef();

    // when
    List<Resident> household = registry.findHousehold(registration.householdNumber());

    // then: the head, then the mother (born 1988), then the child (born 2019)
    HouseholdMember head = request.members().get(0);
    HouseholdMember child = request.members().get(1);
    HouseholdMember mother = request.members().get(2);
    assertThat(household).containsExactly(
        expectedResident(request, head, atena.get("M-1"), registration.householdNumber()),
        expectedResident(request, mother, atena.get("M-3"), registration.householdNumber()),
        expectedResident(request, child, atena.get("M-2"), registration.householdNumber()));
  }

  @Test
  void findsEachRegisteredResidentByAtenaNumber() {
    // given
    MoveInRequest request = familyOfThree(newVisitId());
    MoveInRegistration registration = registry.registerMoveIn(request);

    // when
    Resident child = registry.findResident(registration.atenaNumberByMemberRef().get("M-2")).orElseThrow();

    // then
    assertThat(child).isEqualTo(expectedResident(request, request.members().get(1),
        registration.atenaNumberByMemberRef().get("M-2"), registration.householdNumber()));
    assertThat(registry.findResident("0000000000")).isEmpty();
  }

  @Test
  void writesAMoveInHistoryRowWithTheVisitIdAndASnapshotForEachMember() throws Exception {
    // given
    MoveInRequest request = familyOfThree(newVisitId());

    // when
    MoveInRegistration registration = registry.registerMoveIn(request);

    // then
    for (String atenaNumber : registration.atenaNumberByMemberRef().values()) {
      List<HistoryRow> rows = jdbc.sql("select change_reason, visit_id, changed_on, notified_on, snapshot "
              + "from resident_history where atena_number = ?")
          .param(atenaNumber)
          .query((rs, row) -> new HistoryRow(rs.getString(1), rs.getString(2),
              rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))
          .list();
      assertThat(rows).as(atenaNumber).hasSize(1);
      HistoryRow history = rows.get(0);
      assertThat(history.changeReason()).isEqualTo(ChangeReason.MOVE_IN.name());
      assertThat(history.visitId()).isEqualTo(request.visitId());
      assertThat(history.changedOn()).isEqualTo(request.moveInDate());
      assertThat(history.notifiedOn()).isEqualTo(request.notifiedOn());
      Resident snapshot = objectMapper.readValue(history.snapshot(), Resident.class);
      assertThat(snapshot).isEqualTo(registry.findResident(atenaNumber).orElseThrow());
    }
  }

  @Test
  void issuesDifferentNumbersToDifferentVisits() {
    // given
    MoveInRequest oneVisit = familyOfThree(newVisitId());
    MoveInRequest anotherVisit = familyOfThree(newVisitId());

    // when
    MoveInRegistration first = registry.registerMoveIn(oneVisit);
    MoveInRegistration second = registry.registerMoveIn(anotherVisit);

    // then
    assertThat(second.householdNumber()).isNotEqualTo(first.householdNumber());
    List<String> allAtenaNumbers = new ArrayList<>(first.atenaNumberByMemberRef().values());
    allAtenaNumbers.addAll(second.atenaNumberByMemberRef().values());
    assertThat(allAtenaNumbers).hasSize(6).doesNotHaveDuplicates();
    assertThat(registry.findHousehold(first.householdNumber())).hasSize(3);
    assertThat(registry.findHousehold(second.householdNumber())).hasSize(3);
  }

  private record HistoryRow(String changeReason, String visitId, LocalDate changedOn, LocalDate notifiedOn,
      String snapshot) {
  }

  /** A father (head), a child listed before the mother, so that the registry's ordering shows. */
  private static MoveInRequest familyOfThree(String visitId) {
    return new MoveInRequest(visitId, null, KAGOSHIMA, LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
        "890-0053", "鹿児島県鹿児島市中央町10番1号", "コーポ桜島201号室", "福岡県福岡市中央区天神二丁目3番4号",
        List.of(
            new HouseholdMember("M-1", new PersonName("薩摩", "太郎", "サツマ", "タロウ"), LocalDate.of(1986, 2, 11),
                Sex.MALE, "世帯主", true, NHI_WITH_PENSION),
            new HouseholdMember("M-2", new PersonName("薩摩", "一郎", "サツマ", "イチロウ"), LocalDate.of(2019, 4, 1),
                Sex.MALE, "子", false, NHI_CHILD),
            new HouseholdMember("M-3", new PersonName("薩摩", "花子", "サツマ", "ハナコ"), LocalDate.of(1988, 7, 30),
                Sex.FEMALE, "妻", false, NHI_WITH_PENSION)));
  }

  private static Resident expectedResident(MoveInRequest request, HouseholdMember member, String atenaNumber,
      String householdNumber) {
    return new Resident(atenaNumber, householdNumber, request.municipalityCode(), member.name(),
        member.birthDate(), member.sex(), member.relationship(), member.householdHead(), request.postalCode(),
        request.address(), request.addressLine2(), request.moveInDate(), request.moveInDate(), request.notifiedOn(),
        request.previousAddress(), ChangeReason.MOVE_IN, null, null, member.flags());
  }

  private static String newVisitId() {
    return UUID.randomUUID().toString();
  }

  private int countAll(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  private int countWhere(String table, String column, String value) {
    return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
        .param(value)
        .query(Integer.class)
        .single();
  }
}
