package org.madoguchi.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.ChangeReason;
import org.madoguchi.connectors.registry.EmbeddedResidentRegistryConnector;
import org.madoguchi.connectors.registry.Resident;
import org.madoguchi.system.MunicipalityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Fills an empty database with the demo's users, residents and move-out notices, once. */
@Component
@Order(0)
@ConditionalOnProperty(prefix = DemoProperties.PREFIX, name = "enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final DemoProperties demo;
  private final MunicipalityProperties municipality;
  /** Absent when the application talks to a real registry: that registry has its own residents. */
  private final EmbeddedResidentRegistryConnector registry;
  private final EmbeddedMoveOutNoticeConnector notices;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoDataLoader(DemoProperties demo, MunicipalityProperties municipality,
      ObjectProvider<EmbeddedResidentRegistryConnector> registry,
      EmbeddedMoveOutNoticeConnector notices, IdentityService identityService, JdbcClient jdbc,
      TransactionTemplate transaction, Clock clock) {
    this.demo = demo;
    this.municipality = municipality;
    this.registry = registry.getIfAvailable();
    this.notices = notices;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    DemoUsers.create(identityService);
    if (jdbc.sql("select count(*) from move_out_notice").query(Integer.class).single() > 0) {
      return;
    }
    transaction.executeWithoutResult(status -> generate(LocalDate.now(clock)));
    log.info("Demo data generated: {} households, {} move-out notices (seed {})", demo.households(),
        demo.moveOutNotices(), demo.seed());
  }

  private void generate(LocalDate today) {
    DemoDataGenerator generator = new DemoDataGenerator(demo.seed(), today);
    for (int i = 0; registry != null && i < demo.households(); i++) {
      DemoDataGenerator.GeneratedHousehold household = generator.residentHousehold();
      String householdNumber = registry.newHouseholdNumber();
      for (DemoDataGenerator.GeneratedMember m : household.members()) {
        LocalDate since = today.minusYears(1 + i % 30).minusDays(i % 300);
        LocalDate residentSince = since.isBefore(m.birthDate()) ? m.birthDate() : since;
        registry.addExisting(new Resident(registry.newAtenaNumber(), householdNumber, municipality.code(), m.name(),
            m.birthDate(), m.sex(), m.relationship(), m.head(), household.postalCode(), household.address(),
            household.addressLine2(), residentSince, residentSince, residentSince, null, ChangeReason.INITIAL, null,
            null, m.flags()),
            generator.myNumber());
      }
    }
    DemoDataGenerator.NoticeKind[] kinds = DemoDataGenerator.NoticeKind.values();
    for (int i = 0; i < demo.moveOutNotices(); i++) {
      MoveOutNotice notice = generator.moveOutNotice(String.format("N%06d", i + 1), municipality.code(),
          kinds[i % kinds.length]);
      notices.add(notice);
      notice.members().forEach(member -> notices.recordMyNumber(notice.id(), member.id(), generator.myNumber()));
    }
  }
}
