package org.madoguchi.tenant;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.security.AsMadoguchi;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipalities Madoguchi serves and who works for each. A municipality is a Camunda tenant (so the
 * engine's tenant check and the Camunda webapps know it) plus a row of settings; a staff member belongs to
 * exactly one, by a tenant membership of their own user. Each change is one transaction over both.
 */
@Service
public class Tenants {

  static final int MAX_CHILD_MEDICAL_SUBSIDY_AGE_LIMIT = 22;
  private static final int MAX_NAME_LENGTH = 100;

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final AsMadoguchi asMadoguchi;

  Tenants(JdbcClient jdbc, IdentityService identityService, AsMadoguchi asMadoguchi) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.asMadoguchi = asMadoguchi;
  }

  public Optional<Tenant> find(String code) {
    return jdbc.sql("select code, name, child_medical_subsidy_age_limit from tenant where code = ?").param(code)
        .query((rs, row) -> new Tenant(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
  }

  /** The municipality stored data names (a visit's): it was a tenant when the data was written. */
  public Tenant require(String code) {
    return find(code).orElseThrow(() -> new IllegalStateException("municipality " + code + " is not a tenant"));
  }

  /** The municipality the signed-in staff member works for. */
  public Tenant current() {
    String code = CurrentStaff.get().requireTenantId();
    return find(code).orElseThrow(() -> ApiException.forbidden("municipality-not-registered",
        "所属する自治体（" + code + "）の設定が登録されていません。管理者に自治体の登録を依頼してください。"));
  }

  public List<Tenant> all() {
    return jdbc.sql("select code, name, child_medical_subsidy_age_limit from tenant order by code")
        .query((rs, row) -> new Tenant(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
  }

  /** Adds a municipality with its settings. */
  @Transactional
  public Tenant create(String code, String name, Integer childMedicalSubsidyAgeLimit) {
    Tenant tenant = checked(checkedCode(code), name, childMedicalSubsidyAgeLimit);
    if (find(tenant.code()).isPresent()) {
      throw ApiException.conflict("municipality-exists",
          "地方公共団体コード " + tenant.code() + " の自治体は既に登録されています。");
    }
    jdbc.sql("insert into tenant (code, name, child_medical_subsidy_age_limit) values (?, ?, ?)")
        .params(tenant.code(), tenant.name(), tenant.childMedicalSubsidyAgeLimit()).update();
    saveEngineTenant(tenant);
    return tenant;
  }

  /** Changes a municipality's name and settings; what is started afterwards reads them. */
  @Transactional
  public Tenant update(String code, String name, Integer childMedicalSubsidyAgeLimit) {
    Tenant tenant = checked(registered(code).code(), name, childMedicalSubsidyAgeLimit);
    jdbc.sql("update tenant set name = ?, child_medical_subsidy_age_limit = ? where code = ?")
        .params(tenant.name(), tenant.childMedicalSubsidyAgeLimit(), tenant.code()).update();
    saveEngineTenant(tenant);
    return tenant;
  }

  /**
   * Makes {@code userId} a staff member of municipality {@code code}, and of no other: the administrators'
   * user pages call this for every user they create. It applies from the user's next sign-in.
   */
  @Transactional
  public void assignUser(String userId, String code) {
    Tenant tenant = registered(code);
    if (userId == null || identityService.createUserQuery().userId(userId).count() == 0) {
      throw ApiException.notFound("user-not-found", "指定されたユーザーは見つかりません。");
    }
    boolean member = false;
    for (var membership : identityService.createTenantQuery().userMember(userId).list()) {
      if (membership.getId().equals(tenant.code())) {
        member = true;
      } else {
        identityService.deleteTenantUserMembership(membership.getId(), userId);
      }
    }
    if (!member) {
      identityService.createTenantUserMembership(tenant.code(), userId);
    }
  }

  /** A local government code someone entered: six digits whose sixth is the check digit. */
  static String checkedCode(String code) {
    if (!CheckDigits.isValidLocalGovernmentCode(code)) {
      throw ApiException.badRequest("invalid-local-government-code",
          "地方公共団体コードは6桁の数字で、6桁目の検査数字が正しいものを指定してください（例: 鹿児島市は 462012）。");
    }
    return code;
  }

  /**
   * The engine's tenant, named like the municipality; made here unless an administrator made it in Camunda Admin.
   * Written {@linkplain AsMadoguchi as Madoguchi}: it mirrors the municipality's row, which the caller may change (a
   * municipality's administrator its own only), while the engine grants no one but installation administrators
   * changes to the identity store.
   */
  private void saveEngineTenant(Tenant tenant) {
    asMadoguchi.run(() -> {
      org.camunda.bpm.engine.identity.Tenant engineTenant = identityService.createTenantQuery()
          .tenantId(tenant.code()).singleResult();
      if (engineTenant == null) {
        engineTenant = identityService.newTenant(tenant.code());
      }
      engineTenant.setName(tenant.name());
      identityService.saveTenant(engineTenant);
    });
  }

  /** The municipality someone named by its code: a valid code (else 400) of a registered municipality (else 404). */
  public Tenant registered(String code) {
    return find(checkedCode(code)).orElseThrow(() -> ApiException.notFound("municipality-not-found",
        "地方公共団体コード " + code + " の自治体は登録されていません。"));
  }

  private static Tenant checked(String code, String name, Integer childMedicalSubsidyAgeLimit) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
      throw ApiException.badRequest("invalid-municipality-name", "自治体名を100文字以内で入力してください。");
    }
    if (childMedicalSubsidyAgeLimit == null || childMedicalSubsidyAgeLimit < 0
        || childMedicalSubsidyAgeLimit > MAX_CHILD_MEDICAL_SUBSIDY_AGE_LIMIT) {
      throw ApiException.badRequest("invalid-child-medical-subsidy-age-limit",
          "子ども医療費助成の対象年齢（childMedicalSubsidyAgeLimit）は0から" + MAX_CHILD_MEDICAL_SUBSIDY_AGE_LIMIT
              + "までの整数で指定してください。");
    }
    return new Tenant(code, name.strip(), childMedicalSubsidyAgeLimit);
  }
}
