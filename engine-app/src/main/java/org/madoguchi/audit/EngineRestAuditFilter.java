package org.madoguchi.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.madoguchi.security.AsMadoguchi;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts on record every read and write of process variables through Camunda's REST API and the REST API the
 * Camunda webapps use (Cockpit, Tasklist): variables hold residents' data, so these are accesses like the
 * Visit API's. The entry names the staff member, the visit (the case's business key) and the call, never a
 * value; a call that fails is not an access.
 */
class EngineRestAuditFilter extends OncePerRequestFilter {

  /** Variables of one case, task or execution, and a task completed or its form submitted with variables. */
  private static final Pattern SCOPED = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(process-instance|task|execution)/([^/]+)/"
          + "(variables|localVariables|form-variables|submit-form|complete)(?:/.*)?$");
  /** Variable queries: {@code /variable-instance}, {@code /history/variable-instance}, {@code /history/detail}. */
  private static final Pattern QUERY = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/(variable-instance|history/variable-instance|history/detail)"
          + "(?:/.*)?$");

  private final AuditLog audit;
  private final HistoryService historyService;
  private final AsMadoguchi asMadoguchi;

  EngineRestAuditFilter(AuditLog audit, HistoryService historyService, AsMadoguchi asMadoguchi) {
    this.audit = audit;
    this.historyService = historyService;
    this.asMadoguchi = asMadoguchi;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() >= 400) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean reads = "GET".equals(request.getMethod()) || isQueryPost(path, request.getMethod());
    AuditAction action = reads ? AuditAction.READ_ENGINE_VARIABLES : AuditAction.WRITE_ENGINE_VARIABLES;
    Matcher scoped = SCOPED.matcher(path);
    if (scoped.matches()) {
      String kind = scoped.group(1);
      String id = scoped.group(2);
      HistoricProcessInstance instance = caseOf(kind, id);
      audit.record(action, instance == null ? null : instance.getTenantId(),
          instance == null ? null : instance.getBusinessKey(), null,
          "Camunda REST " + request.getMethod() + " /" + kind + "/" + id + "/" + scoped.group(3));
      return;
    }
    Matcher query = QUERY.matcher(path);
    if (query.matches()) {
      // The filter's values may themselves be personal data: only the parameter names go on record.
      audit.record(action, null, null, "Camunda REST " + request.getMethod() + " /" + query.group(1)
          + (request.getParameterMap().isEmpty() ? "" : " " + request.getParameterMap().keySet()));
    }
  }

  /** The variable queries answer POSTed filters too; those are reads. */
  private static boolean isQueryPost(String path, String method) {
    return "POST".equals(method) && QUERY.matcher(path).matches();
  }

  /**
   * The case (its business key is the visit) a case, task or execution id belongs to; history, so ended ones count.
   * Looked up {@linkplain AsMadoguchi as Madoguchi}: the call it records has succeeded, and staff who may work a task
   * need not have a grant on its case's history for their access to be filed under the right visit.
   */
  private HistoricProcessInstance caseOf(String kind, String id) {
    try {
      return asMadoguchi.call(() -> {
        String processInstanceId = switch (kind) {
          case "process-instance" -> id;
          case "task" -> {
            HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(id).singleResult();
            yield task == null ? null : task.getProcessInstanceId();
          }
          default -> historyService.createHistoricActivityInstanceQuery().executionId(id).list().stream()
              .map(activity -> activity.getProcessInstanceId()).findFirst().orElse(null);
        };
        return processInstanceId == null ? null : historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).singleResult();
      });
    } catch (RuntimeException unresolved) {
      // The access is recorded all the same, with the case's id in the detail.
      return null;
    }
  }
}
