package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.EmbeddedConnectorsAutoConfiguration;
import org.madoguchi.connectors.registry.ChangeReason;
import org.madoguchi.connectors.registry.ChangeRegistration;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.MoveInRegistration;
import org.madoguchi.connectors.registry.MoveInRequest;
import org.madoguchi.connectors.registry.MoveOutRequest;
import org.madoguchi.connectors.registry.MoveWithinRequest;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.RegistryRefusedException;
import org.madoguchi.connectors.registry.RegistryRefusedException.Reason;
import org.madoguchi.connectors.registry.Resident;
import org.madoguchi.connectors.registry.ResidentChange;
import org.madoguchi.connectors.registry.ResidentRegistryConnector;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Move-out, move-within and history in the embedded registry, on a database built by the application's own
 * Flyway migrations; each test runs in a transaction rolled back at its end, as a job's would be on failure.
 * The subclasses choose the database.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({EmbeddedConnectorsAutoConfiguration.class, JacksonAutoConfiguration.class})
abstract class EmbeddedRegistryChanges {

  private static final LocalDate MOVED_IN = LocalDate.of(2026, 4, 3);
  private static final LocalDate MOVED_IN_NOTIFIED = LocalDate.of(2026, 4, 6);
  private static final String DESTINATION = "北海道札幌市中央区北1条西2丁目";
  private static final StatusFlags NHI = new StatusFlags(true, false, false, true, false, true);

  @Autowired
  ResidentRegistryConnector registry;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  /** A family that moved in: father (head), child, mother. */
  private record Family(String householdNumber, String head, String child, String mother) {

    List<String> all() {
      return List.of(head, child, mother);
    }
  }

  // --- move-out ----------------------------------------------------------------------------------

  @Test
  void aHouseholdMovingOutLeavesItsHouseholdEmptyAndEachKeepsTheirRowMarkedRemoved() {
    // given
    Family family = family();
    MoveOutRequest request = moveOut(family.all(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 16));

    // when
    ChangeRegistration registration = registry.registerMoveOut(request);

    // then
    assertThat(registration).isEqualTo(new ChangeRegistration(request.requestId(), ChangeReason.MOVE_OUT,
        family.householdNumber(), family.all(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 16)));
    assertThat(registry.findHousehold(family.householdNumber())).isEmpty();
    for (String atenaNumber : family.all()) {
      Resident resident = registry.findResident(atenaNumber).orElseThrow();
      assertThat(resident.removed()).isTrue();
      assertThat(resident.removedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
      assertThat(resident.movedOutTo()).isEqualTo(DESTINATION);
      assertThat(resident.changeReason()).isEqualTo(ChangeReason.MOVE_OUT);
      assertThat(resident.notifiedOn()).isEqualTo(LocalDate.of(2026, 9, 16));
      assertThat(resident.address()).as("the last address stays on the record")
          .isEqualTo("鹿児島県鹿児島市中央町10番1号");
      assertThat(resident.householdNumber()).isEqualTo(family.householdNumber());
    }
  }

  @Test
  void oneMemberMovesOutAndTheOthersStayInTheHousehold() {
    // given
    Family family = family();

    // when
    registry.registerMoveOut(moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30)));

    // then
    assertThat(registry.findHousehold(family.householdNumber())).extracting(Resident::atenaNumber)
        .containsExactly(family.head(), family.mother());
    assertThat(registry.findResident(family.child()).orElseThrow().removed()).isTrue();
    assertThat(registry.findResident(family.mother()).orElseThrow().removed()).isFalse();
  }

  @Test
  void aRepeatedMoveOutReturnsTheFirstRegistrationAndChangesNothing() {
    // given
    Family family = family();
    MoveOutRequest request = moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30));
    ChangeRegistration first = registry.registerMoveOut(request);
    Resident childAfterFirst = registry.findResident(family.child()).orElseThrow();
    int historyRows = countAll("resident_history");
    int changes = countAll("registry_change");

    // when
    ChangeRegistration repeat = registry.registerMoveOut(request);

    // then
    assertThat(repeat).isEqualTo(first);
    assertThat(registry.findResident(family.child())).contains(childAfterFirst);
    assertThat(countAll("resident_history")).isEqualTo(historyRows);
    assertThat(countAll("registry_change")).isEqualTo(changes);
  }

  @Test
  void movingOutSomeoneAlreadyMovedOutIsRefusedAndWritesNothing() {
    // given
    Family family = family();
    registry.registerMoveOut(moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30)));
    int historyRows = countAll("resident_history");

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(
        moveOut(List.of(family.mother(), family.child()), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 5))));

    // then: nothing written for the mother either
    assertThat(refusal.reason()).isEqualTo(Reason.ALREADY_REMOVED);
    assertThat(refusal).hasMessageContaining("atenaNumbers[1]").hasMessageNotContaining(family.child());
    assertThat(countAll("resident_history")).isEqualTo(historyRows);
    assertThat(registry.findResident(family.mother()).orElseThrow().removed()).isFalse();
  }

  @Test
  void aMoveOutOfResidentsOfTwoHouseholdsIsRefused() {
    // given
    Family one = family();
    Family other = family();
    int historyRows = countAll("resident_history");

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(
        moveOut(List.of(one.child(), other.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.DIFFERENT_HOUSEHOLDS);
    assertThat(countAll("resident_history")).isEqualTo(historyRows);
    assertThat(registry.findHousehold(one.householdNumber())).hasSize(3);
    assertThat(registry.findHousehold(other.householdNumber())).hasSize(3);
  }

  @Test
  void theHeadMovingOutWithoutTheOthersIsRefused() {
    // given
    Family family = family();

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(
        moveOut(List.of(family.head(), family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.HOUSEHOLD_HEAD_LEAVES_MEMBERS);
    assertThat(registry.findHousehold(family.householdNumber())).hasSize(3);
  }

  @Test
  void aMoveOutNamingAnAtenaNumberNoResidentHasIsRefused() {
    // given
    Family family = family();
    String nobody = CheckDigits.withModulus11("999999999");

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(
        moveOut(List.of(family.child(), nobody), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_RESIDENT);
    assertThat(refusal).hasMessageContaining("atenaNumbers[1]").hasMessageNotContaining(nobody);
    assertThat(registry.findResident(family.child()).orElseThrow().removed()).isFalse();
  }

  @Test
  void aMoveOutDatedBeforeTheMoveInIsRefused() {
    // given
    Family family = family();

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(
        moveOut(List.of(family.child()), MOVED_IN.minusDays(1), MOVED_IN)));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.BEFORE_LAST_CHANGE);
  }

  @Test
  void aRequestIdUsedForAnotherChangeIsRefused() {
    // given
    Family family = family();
    MoveOutRequest first = moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30));
    registry.registerMoveOut(first);

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveOut(new MoveOutRequest(
        first.requestId(), List.of(family.mother()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30),
        DESTINATION)));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.REQUEST_ID_REUSED);
    assertThat(registry.findResident(family.mother()).orElseThrow().removed()).isFalse();
  }

  // --- move-within -------------------------------------------------------------------------------

  @Test
  void aHouseholdMovingWithinTakesTheNewAddressAndKeepsItsNumber() {
    // given
    Family family = family();
    MoveWithinRequest request = moveWithin(family.all(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7));

    // when
    ChangeRegistration registration = registry.registerMoveWithin(request);

    // then
    assertThat(registration).isEqualTo(new ChangeRegistration(request.requestId(), ChangeReason.MOVE_WITHIN,
        family.householdNumber(), family.all(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7)));
    assertThat(registry.findHousehold(family.householdNumber())).hasSize(3).allSatisfy(resident -> {
      assertThat(resident.postalCode()).isEqualTo("8900062");
      assertThat(resident.address()).isEqualTo("鹿児島県鹿児島市与次郎一丁目5番1号");
      assertThat(resident.addressLine2()).isNull();
      assertThat(resident.addressSince()).isEqualTo(LocalDate.of(2026, 8, 1));
      assertThat(resident.notifiedOn()).isEqualTo(LocalDate.of(2026, 8, 7));
      assertThat(resident.changeReason()).isEqualTo(ChangeReason.MOVE_WITHIN);
      assertThat(resident.becameResidentOn()).isEqualTo(MOVED_IN);
      assertThat(resident.previousAddress()).isEqualTo("福岡県福岡市中央区天神二丁目3番4号");
      assertThat(resident.removed()).isFalse();
    });
  }

  @Test
  void aRepeatedMoveWithinReturnsTheFirstRegistrationAndChangesNothing() {
    // given
    Family family = family();
    MoveWithinRequest request = moveWithin(family.all(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7));
    ChangeRegistration first = registry.registerMoveWithin(request);
    int historyRows = countAll("resident_history");

    // when
    ChangeRegistration repeat = registry.registerMoveWithin(request);

    // then
    assertThat(repeat).isEqualTo(first);
    assertThat(countAll("resident_history")).isEqualTo(historyRows);
  }

  @Test
  void aMoveWithinOfPartOfAHouseholdIsRefused() {
    // given
    Family family = family();

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveWithin(
        moveWithin(List.of(family.head(), family.mother()), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.NOT_THE_WHOLE_HOUSEHOLD);
    assertThat(registry.findHousehold(family.householdNumber()))
        .extracting(Resident::address).containsOnly("鹿児島県鹿児島市中央町10番1号");
  }

  @Test
  void aMoveWithinOfTwoHouseholdsIsRefused() {
    // given
    Family one = family();
    Family other = family();
    List<String> both = List.of(one.head(), one.child(), one.mother(), other.head(), other.child(), other.mother());

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveWithin(
        moveWithin(both, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.DIFFERENT_HOUSEHOLDS);
  }

  @Test
  void residentsWhoMovedOutCannotMoveWithin() {
    // given
    Family family = family();
    registry.registerMoveOut(moveOut(family.all(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30)));

    // when
    RegistryRefusedException refusal = refusal(() -> registry.registerMoveWithin(
        moveWithin(family.all(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1))));

    // then
    assertThat(refusal.reason()).isEqualTo(Reason.ALREADY_REMOVED);
    assertThat(registry.findResident(family.head()).orElseThrow().changeReason()).isEqualTo(ChangeReason.MOVE_OUT);
  }

  // --- history -----------------------------------------------------------------------------------

  @Test
  void historyListsEveryChangeOldestFirstWithTheResidentAsEachChangeLeftThem() {
    // given: moved in, moved within, moved out
    Family family = family();
    registry.registerMoveWithin(moveWithin(family.all(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 7)));
    registry.registerMoveOut(moveOut(family.all(), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 16)));

    // when
    List<ResidentChange> history = registry.history(family.child());

    // then
    assertThat(history).extracting(ResidentChange::changeReason)
        .containsExactly(ChangeReason.MOVE_IN, ChangeReason.MOVE_WITHIN, ChangeReason.MOVE_OUT);
    assertThat(history).extracting(ResidentChange::changedOn)
        .containsExactly(MOVED_IN, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30));
    assertThat(history).extracting(ResidentChange::notifiedOn)
        .containsExactly(MOVED_IN_NOTIFIED, LocalDate.of(2026, 8, 7), LocalDate.of(2026, 9, 16));
    assertThat(history.get(0).resident().address()).isEqualTo("鹿児島県鹿児島市中央町10番1号");
    assertThat(history.get(1).resident().address()).isEqualTo("鹿児島県鹿児島市与次郎一丁目5番1号");
    assertThat(history.get(1).resident().removed()).isFalse();
    assertThat(history.get(2).resident()).isEqualTo(registry.findResident(family.child()).orElseThrow());
  }

  @Test
  void eachHistoryRowOfAChangeNamesItsRequest() {
    // given
    Family family = family();
    MoveOutRequest request = moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30));

    // when
    registry.registerMoveOut(request);

    // then
    assertThat(jdbc.sql("select atena_number from resident_history where request_id = ?")
        .param(request.requestId()).query(String.class).list()).containsExactly(family.child());
  }

  @Test
  void anUnknownResidentHasNoHistory() {
    assertThat(registry.history(CheckDigits.withModulus11("999999999"))).isEmpty();
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aConcurrentDuplicateWaitsForTheFirstAndReturnsItsRegistration() throws Exception {
    // given: the family committed, and a first move-out holding its transaction open
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    Family family = transaction.execute(status -> family());
    MoveOutRequest request = moveOut(List.of(family.child()), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30));
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService jobs = Executors.newFixedThreadPool(2);
    try {
      Future<ChangeRegistration> first = jobs.submit(() -> transaction.execute(status -> {
        ChangeRegistration registration = registry.registerMoveOut(request);
        firstWrote.countDown();
        awaitQuietly(commitFirst);
        return registration;
      }));
      assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();

      // when: the same request again, as a job whose lock expired would send it
      Future<ChangeRegistration> second = jobs.submit(() -> transaction.execute(
          status -> registry.registerMoveOut(request)));
      Thread.sleep(300);
      boolean secondWaited = !second.isDone();
      commitFirst.countDown();

      // then
      assertThat(secondWaited).as("the duplicate waits for the first one's locks").isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
      assertThat(jdbc.sql("select count(*) from resident_history where request_id = ?")
          .param(request.requestId()).query(Integer.class).single()).isEqualTo(1);
    } finally {
      commitFirst.countDown();
      jobs.shutdownNow();
    }
  }

  // --- given --------------------------------------------------------------------------------------------

  private Family family() {
    MoveInRequest request = new MoveInRequest(UUID.randomUUID().toString(), null, "462012", MOVED_IN,
        MOVED_IN_NOTIFIED, "8900053", "鹿児島県鹿児島市中央町10番1号", "コーポ桜島201号室",
        "福岡県福岡市中央区天神二丁目3番4号", List.of(
            new HouseholdMember("M-1", new PersonName("薩摩", "太郎", "サツマ", "タロウ"), LocalDate.of(1986, 2, 11),
                Sex.MALE, "世帯主", true, NHI),
            new HouseholdMember("M-2", new PersonName("薩摩", "一郎", "サツマ", "イチロウ"), LocalDate.of(2019, 4, 1),
                Sex.MALE, "子", false, NHI),
            new HouseholdMember("M-3", new PersonName("薩摩", "花子", "サツマ", "ハナコ"), LocalDate.of(1988, 7, 30),
                Sex.FEMALE, "妻", false, NHI)));
    MoveInRegistration registration = registry.registerMoveIn(request);
    return new Family(registration.householdNumber(), registration.atenaNumberByMemberRef().get("M-1"),
        registration.atenaNumberByMemberRef().get("M-2"), registration.atenaNumberByMemberRef().get("M-3"));
  }

  private static MoveOutRequest moveOut(List<String> atenaNumbers, LocalDate moveOutDate, LocalDate notifiedOn) {
    return new MoveOutRequest(UUID.randomUUID().toString(), atenaNumbers, moveOutDate, notifiedOn, DESTINATION);
  }

  private static MoveWithinRequest moveWithin(List<String> atenaNumbers, LocalDate moveWithinDate,
      LocalDate notifiedOn) {
    return new MoveWithinRequest(UUID.randomUUID().toString(), atenaNumbers, moveWithinDate, notifiedOn,
        "8900062", "鹿児島県鹿児島市与次郎一丁目5番1号", null);
  }

  private static RegistryRefusedException refusal(Runnable change) {
    return catchThrowableOfType(change::run, RegistryRefusedException.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private int countAll(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
