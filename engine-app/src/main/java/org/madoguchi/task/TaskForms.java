package org.madoguchi.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.forms.FieldSource;
import org.madoguchi.forms.FormDefinition;
import org.madoguchi.forms.FormField;
import org.madoguchi.procedure.VisitProcedures;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitApplications;
import org.madoguchi.visit.VisitApplications.CaseApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a department task's application form: the form the engine deployed for the task (its {@code formRef}, so
 * a newly deployed version shows), filled with the application of the task's case as the visit's data fills it.
 * Each opening is recorded in the audit log for every resident whose data the application shows.
 */
@Service
public class TaskForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService formService;
  private final TaskService taskService;
  private final VisitProcedures procedures;
  private final VisitApplications applications;
  private final AuditLog audit;

  TaskForms(FormService formService, TaskService taskService, VisitProcedures procedures,
      VisitApplications applications, AuditLog audit) {
    this.formService = formService;
    this.taskService = taskService;
    this.procedures = procedures;
    this.applications = applications;
    this.audit = audit;
  }

  /**
   * The application form of {@code task}, a task the caller has read through {@link DepartmentTaskService} (which
   * refuses another department's), of {@code visit}, the visit it belongs to; empty when the task has no form or
   * is not a procedure case's.
   */
  @Transactional
  public Optional<TaskForm> find(TaskView task, Visit visit) {
    CamundaFormRef formRef = formService.getTaskFormData(task.id()).getCamundaFormRef();
    Optional<List<String>> memberIds = procedures.memberIdsOf(task.processInstanceId());
    if (formRef == null || memberIds.isEmpty()) {
      return Optional.empty();
    }
    byte[] deployed = deployedForm(task.id());
    JsonNode schema = readTree(deployed);
    FormDefinition form = FormDefinition.parse(new String(deployed, StandardCharsets.UTF_8));
    Optional<CaseApplication> application = applications.fillCase(visit, task.processKey(), memberIds.get(), form);
    if (application.isEmpty()) {
      return Optional.empty();
    }
    List<String> staffFields = form.fields().stream().filter(f -> f.source() == FieldSource.STAFF && !f.repeated())
        .map(FormField::key).toList();
    Map<String, Object> data = new LinkedHashMap<>(application.get().application().formData());
    // What the department entered at an earlier step (審査 before 決裁) shows at the next.
    taskService.getVariables(task.id(), staffFields).forEach((key, value) -> {
      if (value != null) {
        data.put(key, value);
      }
    });
    boolean departmentStep = task.department() != null && task.candidateGroups().contains(task.department());
    Map<String, String> atenaNumbers = visit.registration() == null ? Map.of()
        : visit.registration().atenaNumberByMemberRef();
    application.get().memberIds().forEach(memberId -> audit.record(AuditAction.READ_APPLICATION, visit.id(),
        atenaNumbers.getOrDefault(memberId, memberId), "申請書 " + form.title() + "（タスク " + task.name() + "）"));
    return Optional.of(new TaskForm(formRef.getKey(), form.title(), schema, data,
        departmentStep ? staffFields : List.of()));
  }

  private byte[] deployedForm(String taskId) {
    try (InputStream in = formService.getDeployedTaskForm(taskId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the form deployed for task " + taskId, e);
    }
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the form deployed is not JSON", e);
    }
  }
}
