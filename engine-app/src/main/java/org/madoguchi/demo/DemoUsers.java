package org.madoguchi.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.madoguchi.security.Roles;
import org.madoguchi.tenant.Tenants;

/**
 * The demo's staff: one user per role and per department in the home municipality, a municipality
 * administrator, and in the second municipality an administrator, a counter and a department user; each
 * with its user name as password. They exist only with demo data; a production start refuses to run while
 * any of them keeps its demo password.
 */
public final class DemoUsers {

  /**
   * A demo account: user id (= password), given and family name, the group it works in, and whether it works
   * for the demo's second municipality rather than the home one.
   */
  public record Account(String userId, String firstName, String lastName, String groupId,
      boolean secondMunicipality) {
  }

  record Department(String groupId, String name, String type) {
  }

  static final List<Department> GROUPS = List.of(
      new Department(Roles.COUNTER_GROUP, "市民課 総合窓口", "WORKFLOW"),
      new Department("citizens", "市民課", Roles.DEPARTMENT_GROUP_TYPE),
      new Department("insurance-pension", "保険年金課", Roles.DEPARTMENT_GROUP_TYPE),
      new Department("long-term-care", "介護保険課", Roles.DEPARTMENT_GROUP_TYPE),
      new Department("child-support", "子育て支援課", Roles.DEPARTMENT_GROUP_TYPE),
      new Department("school-education", "学校教育課", Roles.DEPARTMENT_GROUP_TYPE),
      new Department(Roles.ADVISOR_GROUP, "窓口BPRアドバイザー", "WORKFLOW"),
      new Department(Roles.ADMIN_GROUP, "システム管理者", "SYSTEM"),
      new Department(Roles.TENANT_ADMIN_GROUP, "自治体の管理者", "SYSTEM"));

  public static final List<Account> ACCOUNTS = List.of(
      new Account("admin", "太郎", "管理", Roles.ADMIN_GROUP, false),
      new Account("counter", "花子", "窓口", Roles.COUNTER_GROUP, false),
      new Account("shimin", "一郎", "市民", "citizens", false),
      new Account("hoken", "二郎", "保険", "insurance-pension", false),
      new Account("kaigo", "三郎", "介護", "long-term-care", false),
      new Account("kosodate", "四郎", "子育", "child-support", false),
      new Account("gakko", "五郎", "学校", "school-education", false),
      new Account("advisor", "六子", "改善", Roles.ADVISOR_GROUP, false),
      new Account("kagoshimaAdmin", "七子", "市管理", Roles.TENANT_ADMIN_GROUP, false),
      new Account("kirishimaAdmin", "八郎", "霧島管理", Roles.TENANT_ADMIN_GROUP, true),
      new Account("kirishimaCounter", "九子", "霧島窓口", Roles.COUNTER_GROUP, true),
      new Account("kirishimaHoken", "十郎", "霧島保険", "insurance-pension", true));

  private DemoUsers() {
  }

  static void create(IdentityService identityService, Tenants tenants, String homeMunicipality,
      String secondMunicipality) {
    for (Department department : GROUPS) {
      if (identityService.createGroupQuery().groupId(department.groupId()).count() == 0) {
        Group group = identityService.newGroup(department.groupId());
        group.setName(department.name());
        group.setType(department.type());
        identityService.saveGroup(group);
      }
    }
    for (Account account : ACCOUNTS) {
      if (identityService.createUserQuery().userId(account.userId()).count() == 0) {
        User user = identityService.newUser(account.userId());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setPassword(account.userId());
        user.setEmail(account.userId() + "@demo.madoguchi.invalid");
        identityService.saveUser(user);
        identityService.createMembership(account.userId(), account.groupId());
        tenants.assignUser(account.userId(), account.secondMunicipality() ? secondMunicipality : homeMunicipality);
      }
    }
  }
}
