package org.madoguchi.tenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.madoguchi.security.CurrentStaff;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gives every instance of a shared definition the municipality it runs for, so the engine's tenant check
 * keeps it to that municipality's staff: the {@code municipalityCode} a visit and each of its procedures are
 * started with (processes/README.md); else the caller's, for a process an administrator starts by hand.
 * Instances of a municipality's own definition carry its tenant id without asking.
 */
class MunicipalityTenantIdProvider implements TenantIdProvider {

  static final String MUNICIPALITY_VARIABLE = "municipalityCode";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    Object municipality = context.getVariables() == null ? null : context.getVariables().get(MUNICIPALITY_VARIABLE);
    if (municipality != null) {
      return municipality.toString();
    }
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return signedIn == null || !signedIn.isAuthenticated() ? null : CurrentStaff.get().tenantId();
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
