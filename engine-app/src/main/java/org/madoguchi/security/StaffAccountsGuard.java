package org.madoguchi.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.madoguchi.demo.DemoUsers;
import org.madoguchi.system.MunicipalityProperties;
import org.madoguchi.tenant.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses a production start (demo data off) that would let anyone in with a well-known password: no
 * administrator and none configured, a configured password that is short or a demo one, or a demo
 * account still holding its demo password.
 */
@Component
@Order(1)
class StaffAccountsGuard implements ApplicationRunner {

  private final IdentityService identityService;
  private final SecurityProperties security;
  private final Tenants tenants;
  private final MunicipalityProperties home;
  private final boolean demo;

  StaffAccountsGuard(IdentityService identityService, SecurityProperties security, Tenants tenants,
      MunicipalityProperties home, @Value("${madoguchi.demo.enabled:false}") boolean demo) {
    this.identityService = identityService;
    this.security = security;
    this.tenants = tenants;
    this.home = home;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo) {
      return;
    }
    List<String> withDemoPasswords = DemoUsers.ACCOUNTS.stream().map(DemoUsers.Account::userId)
        .filter(userId -> identityService.checkPassword(userId, userId)).toList();
    if (!withDemoPasswords.isEmpty()) {
      throw new IllegalStateException("Refusing to start without demo data while these accounts keep their demo "
          + "passwords: " + withDemoPasswords + ". Change their passwords in Camunda Admin or delete them.");
    }
    if (identityService.createUserQuery().memberOfGroup(Roles.ADMIN_GROUP).count() > 0) {
      return;
    }
    String user = security.initialAdminUser();
    String password = security.initialAdminPassword();
    if (user == null || user.isBlank() || PasswordPolicy.problem(user, password).isPresent()) {
      throw new IllegalStateException("Refusing to start without demo data and without an administrator: set "
          + "MADOGUCHI_ADMIN_USER and MADOGUCHI_ADMIN_PASSWORD (at least " + PasswordPolicy.MIN_LENGTH
          + " characters, not the user name nor a demo password) for the first start.");
    }
    if (identityService.createGroupQuery().groupId(Roles.ADMIN_GROUP).count() == 0) {
      var group = identityService.newGroup(Roles.ADMIN_GROUP);
      group.setName("システム管理者");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    User admin = identityService.newUser(user);
    admin.setPassword(password);
    admin.setFirstName("管理者");
    admin.setLastName(user);
    identityService.saveUser(admin);
    identityService.createMembership(user, Roles.ADMIN_GROUP);
    tenants.assignUser(user, home.code());
  }
}
