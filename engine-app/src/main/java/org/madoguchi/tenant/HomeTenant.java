package org.madoguchi.tenant;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the home municipality ({@code madoguchi.municipality}) a tenant on the first start, with the settings
 * its properties give; later its settings are changed like any municipality's. An installation from before
 * tenants served the home municipality only, so its staff become the home municipality's.
 */
@Component
@Order(-1)
class HomeTenant implements ApplicationRunner {

  private final MunicipalityProperties home;
  private final Tenants tenants;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;

  HomeTenant(MunicipalityProperties home, Tenants tenants, IdentityService identityService,
      TransactionTemplate transaction) {
    this.home = home;
    this.tenants = tenants;
    this.identityService = identityService;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (tenants.find(home.code()).isPresent()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      tenants.create(home.code(), home.name(), home.childMedicalSubsidyAgeLimit());
      for (User user : identityService.createUserQuery().list()) {
        if (identityService.createTenantQuery().userMember(user.getId()).count() == 0) {
          tenants.assignUser(user.getId(), home.code());
        }
      }
    });
  }
}
