package org.madoguchi.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Department work: the task list, claim, complete, return with a reason. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "各課のタスク（受付・審査・決裁・補正）")
class TaskController {

  private final DepartmentTaskService tasks;

  TaskController(DepartmentTaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  @Operation(summary = "課のタスク一覧（待ち時間の長い順）。visitId を付けるとその来庁のタスクだけ")
  List<TaskView> list(@RequestParam(required = false) String department,
      @RequestParam(required = false) String visitId) {
    return tasks.list(department, visitId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "タスクの詳細")
  TaskView get(@PathVariable String id) {
    return tasks.get(id);
  }

  @PostMapping("/{id}/claim")
  @Operation(summary = "タスクを担当する")
  TaskView claim(@PathVariable String id) {
    return tasks.claim(id);
  }

  @PostMapping("/{id}/complete")
  @Operation(summary = "タスクを完了する（フォームの入力値とともに）")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
    tasks.complete(id, values);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/return")
  @Operation(summary = "理由を付けて差し戻す")
  ResponseEntity<Void> returnTask(@PathVariable String id, @RequestBody ReturnRequest request) {
    tasks.returnWithReason(id, request.reason());
    return ResponseEntity.noContent().build();
  }

  record ReturnRequest(String reason) {
  }
}
