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
import org.madoguchi.tenant.Tenants;
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

/**
 * Fills an empty database with the demo's users, residents and move-out notices, once: the home
 * municipality's, and a few notices of a second municipality so that tenants can be tried out.
 */
@Component
@Order(0)
@ConditionalOnProperty(prefix = DemoProperties.PREFIX, name = "enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  /** The demo's second municipality, 霧島市, with demo settings (not the city's own rules). */
  private static final String SECOND_MUNICIPALITY = "462187";
  private static final int SECOND_MUNICIPALITY_NOTICES = 5;

  private final DemoProperties demo;
  private final MunicipalityProperties municipality;
  /** Absent when the application talks to a real registry: that registry has its own residents. */
  private final EmbeddedResidentRegistryConnector registry;
  private final EmbeddedMoveOutNoticeConnector notices;
  private final Tenants tenants;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoDataLoader(DemoProperties demo, MunicipalityProperties municipality,
      ObjectProvider<EmbeddedResidentRegistryConnector> registry,
      EmbeddedMoveOutNoticeConnector notices, Tenants tenants, IdentityService identityService, JdbcClient jdbc,
      TransactionTemplate transaction, Clock clock) {
    this.demo = demo;
    this.municipality = municipality;
    this.registry = registry.getIfAvailable();
    this.notices = notices;
    this.tenants = tenants;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> {
      if (tenants.find(SECOND_MUNICIPALITY).isEmpty()) {
        tenants.create(SECOND_MUNICIPALITY, "霧島市", 15);
      }
      DemoUsers.create(identityService, tenants, municipality.code(), SECOND_MUNICIPALITY);
    });
    if (noticesTo(municipality.code()) == 0) {
      transaction.executeWithoutResult(status -> generate(LocalDate.now(clock)));
      log.info("Demo data generated: {} households, {} move-out notices (seed {})", demo.households(),
          demo.moveOutNotices(), demo.seed());
    }
    if (noticesTo(SECOND_MUNICIPALITY) == 0) {
      transaction.executeWithoutResult(status -> generateForSecondMunicipality(LocalDate.now(clock)));
    }
  }

  private int noticesTo(String municipalityCode) {
    return jdbc.sql("select count(*) from move_out_notice where to_municipality_code = ?").param(municipalityCode)
        .query(Integer.class).single();
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
    addNotices(generator, "N", municipality.code(), demo.moveOutNotices());
  }

  /** Its households come from another seed, so they are not the home municipality's again. */
  private void generateForSecondMunicipality(LocalDate today) {
    addNotices(new DemoDataGenerator(demo.seed() + 1, today), "K", SECOND_MUNICIPALITY, SECOND_MUNICIPALITY_NOTICES);
  }

  private void addNotices(DemoDataGenerator generator, String idPrefix, String toMunicipalityCode, int count) {
    DemoDataGenerator.NoticeKind[] kinds = DemoDataGenerator.NoticeKind.values();
    for (int i = 0; i < count; i++) {
      MoveOutNotice notice = generator.moveOutNotice(String.format("%s%06d", idPrefix, i + 1), toMunicipalityCode,
          kinds[i % kinds.length]);
      notices.add(notice);
      notice.members().forEach(member -> notices.recordMyNumber(notice.id(), member.id(), generator.myNumber()));
    }
  }
}
