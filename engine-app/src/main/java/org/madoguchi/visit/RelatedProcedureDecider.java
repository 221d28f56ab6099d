package org.madoguchi.visit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.madoguchi.procedure.CaseScope;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.procedure.ProcedureDefinition;
import org.madoguchi.tenant.Tenant;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.stereotype.Component;

/**
 * Proposes a visit's related procedures: evaluates the life event's decision, as the municipality deployed it
 * (its own version, else the shared one), once per member and gathers the results into cases as each
 * procedure's scope says (one household case, or one per member).
 * Evaluated on the DMN engine directly: a proposal is not yet a decision of record, so it leaves no history.
 */
@Component
class RelatedProcedureDecider {

  static final String HOUSEHOLD_SCOPE_REF = "household";

  private final RepositoryService repositoryService;
  private final TenantDefinitions definitions;
  private final DmnEngine dmnEngine;
  private final ProcedureCatalog procedures;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  RelatedProcedureDecider(RepositoryService repositoryService, TenantDefinitions definitions, DmnEngine dmnEngine,
      ProcedureCatalog procedures) {
    this.repositoryService = repositoryService;
    this.definitions = definitions;
    this.dmnEngine = dmnEngine;
    this.procedures = procedures;
  }

  /** The cases the municipality's decision proposes, read with the municipality's settings. */
  List<ProposedProcedure> decide(LifeEvent lifeEvent, HouseholdFacts facts, Tenant tenant) {
    DmnDecision decision = latestDecision(lifeEvent.relatedProceduresDecisionKey(), tenant.code());
    Map<String, ProposedProcedure> cases = new LinkedHashMap<>();
    for (String memberId : facts.memberIds()) {
      for (DmnDecisionResultEntries result : dmnEngine.evaluateDecision(decision,
          Variables.fromMap(facts.contextFor(memberId, tenant.settings())))) {
        String processKey = result.getEntry("procedure");
        String reason = result.getEntry("reason");
        ProcedureDefinition procedure = procedures.find(processKey, tenant.code())
            .orElseThrow(() -> new IllegalStateException("decision " + lifeEvent.relatedProceduresDecisionKey()
                + " names procedure " + processKey + ", which is not deployed"));
        String scopeRef = procedure.caseScope() == CaseScope.HOUSEHOLD ? HOUSEHOLD_SCOPE_REF : memberId;
        ProposedProcedure existing = cases.get(processKey + "/" + scopeRef);
        List<String> memberIds = new ArrayList<>(existing == null ? List.of() : existing.memberIds());
        List<ProposedProcedure.Reason> reasons = new ArrayList<>(existing == null ? List.of() : existing.reasons());
        if (!memberIds.contains(memberId)) {
          memberIds.add(memberId);
        }
        reasons.add(new ProposedProcedure.Reason(memberId, reason));
        cases.put(processKey + "/" + scopeRef, new ProposedProcedure(processKey, procedure.name(),
            procedure.department(), procedure.departmentName(), scopeRef, memberIds, reasons));
      }
    }
    return List.copyOf(cases.values());
  }

  private DmnDecision latestDecision(String key, String municipalityCode) {
    DecisionDefinition definition = definitions.latestDecision(key, municipalityCode)
        .orElseThrow(() -> new IllegalStateException("decision " + key + " is not deployed"));
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream model = repositoryService.getDecisionModel(id)) {
        return dmnEngine.parseDecision(key, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
