package org.madoguchi.tenant;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.madoguchi.security.CurrentStaff;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gives every instance of a shared definition the municipality it runs for, so the engine's tenant check
 * keeps it to that municipality's staff: a called process its caller's; the {@code municipalityCode} a visit and each
 * of its procedures are started with (processes/README.md); else the caller's, for a process an administrator starts
 * by hand. Instances of a municipality's own definition carry its tenant id without asking.
 *
 * <p>Staff other than installation administrators start cases of their own municipality only, whatever the
 * variables say: with {@code /engine-rest} open to them, a variable must not put a case into another municipality.
 * The job executor, where no one is signed in, starts each procedure for the municipality its visit names.
 */
class MunicipalityTenantIdProvider implements TenantIdProvider {

  static final String MUNICIPALITY_VARIABLE = "municipalityCode";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Object requested = context.getVariables() == null ? null : context.getVariables().get(MUNICIPALITY_VARIABLE);
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
      return requested == null ? null : requested.toString();
    }
    CurrentStaff staff = CurrentStaff.get();
    if (staff.isAdmin()) {
      return requested == null ? staff.tenantId() : requested.toString();
    }
    if (staff.tenantId() == null || (requested != null && !staff.tenantId().equals(requested.toString()))) {
      throw new AuthorizationException("所属する自治体以外の案件は開始できません。");
    }
    return staff.tenantId();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  /** A decision a process evaluates is the process's municipality's. */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }
}
