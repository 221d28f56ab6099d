package org.madoguchi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.madoguchi.system.ApiException;
import org.madoguchi.visit.VisitService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A task's application form: the deployed form and the application's values, for the task's department only. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskFormController {

  private final DepartmentTaskService tasks;
  private final VisitService visits;
  private final TaskForms forms;

  TaskFormController(DepartmentTaskService tasks, VisitService visits, TaskForms forms) {
    this.tasks = tasks;
    this.visits = visits;
    this.forms = forms;
  }

  @GetMapping("/{id}/form")
  @Operation(summary = "タスクの申請書フォーム（配置済みのフォームと、この来庁の申請内容）")
  TaskForm form(@PathVariable String id) {
    TaskView task = tasks.get(id);
    return Optional.ofNullable(task.visitId()).flatMap(visitId -> forms.find(task, visits.get(visitId)))
        .orElseThrow(() -> ApiException.notFound("task-form-not-found", "このタスクには申請書のフォームがありません。"));
  }
}
