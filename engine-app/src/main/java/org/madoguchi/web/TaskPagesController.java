package org.madoguchi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.procedure.VisitProcedures;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.madoguchi.task.DepartmentTaskService;
import org.madoguchi.task.TaskForms;
import org.madoguchi.task.TaskView;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitService;
import org.madoguchi.visit.VisitView;
import org.madoguchi.visit.VisitViews;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department's task list and a task's page: filter, sort by waiting time, claim, open the application in
 * its deployed form, approve it (with what the department filled in the form) or return it with a reason; the
 * visit it belongs to is one click away. The department service refuses another department's task, however its
 * URL was reached.
 */
@Controller
class TaskPagesController {

  private final DepartmentTaskService tasks;
  private final VisitService visits;
  private final VisitViews views;
  private final VisitProcedures procedures;
  private final TaskForms forms;
  private final ObjectMapper json;

  TaskPagesController(DepartmentTaskService tasks, VisitService visits, VisitViews views,
      VisitProcedures procedures, TaskForms forms, ObjectMapper json) {
    this.tasks = tasks;
    this.visits = visits;
    this.views = views;
    this.procedures = procedures;
    this.forms = forms;
    this.json = json;
  }

  /**
   * @param department the group whose list to show (default: the staff member's only group, else all theirs)
   * @param q text in the procedure's or the step's name, or the visit number
   * @param assigned {@code all}, {@code unassigned} or {@code mine}
   * @param sort {@code longest} (waiting longest first, the default) or {@code shortest}
   */
  @GetMapping("/tasks")
  String list(@RequestParam(required = false) String department, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "all") String assigned, @RequestParam(defaultValue = "longest") String sort,
      Model model) {
    CurrentStaff staff = CurrentStaff.get();
    String group = department;
    if ((group == null || group.isBlank()) && !staff.isAdmin() && staff.groups().size() == 1) {
      group = staff.groups().iterator().next();
    }
    String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    Comparator<TaskView> byWaiting = Comparator.comparing(TaskView::created);
    List<TaskView> shown = tasks.list(group, null).stream()
        .filter(task -> query.isEmpty() || matches(task, query))
        .filter(task -> switch (assigned) {
          case "unassigned" -> task.assignee() == null;
          case "mine" -> staff.userId().equals(task.assignee());
          default -> true;
        })
        .sorted("shortest".equals(sort) ? byWaiting.reversed() : byWaiting)
        .toList();
    model.addAttribute("tasks", shown);
    model.addAttribute("department", group == null ? "" : group);
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("assigned", assigned);
    model.addAttribute("sort", sort);
    model.addAttribute("me", staff.userId());
    return "tasks/list";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, RedirectAttributes redirect) {
    try {
      tasks.claim(id);
      redirect.addFlashAttribute("messageKey", "task.claimed");
      return "redirect:/tasks/" + id;
    } catch (ApiException e) {
      if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/tasks";
    }
  }

  /**
   * The task with the application it is about: the members concerned and why the procedure applies, and the
   * application in the form deployed for the task.
   */
  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, Model model) {
    TaskView task = tasks.get(id);
    model.addAttribute("task", task);
    model.addAttribute("me", CurrentStaff.get().userId());
    if (task.visitId() != null) {
      Visit visit = visits.get(task.visitId());
      VisitView view = views.of(visit);
      List<String> memberIds = procedures.memberIdsOf(task.processInstanceId()).orElse(List.of());
      model.addAttribute("visit", view);
      model.addAttribute("members", view.household().members().stream()
          .filter(m -> memberIds.contains(m.id())).toList());
      model.addAttribute("reasons", visit.proposedProcedures().stream()
          .filter(p -> p.processKey().equals(task.processKey()) && p.memberIds().equals(memberIds))
          .flatMap(p -> p.reasons().stream()).toList());
      model.addAttribute("names", VisitPagesController.namesOf(view));
      model.addAttribute("taskForm", forms.find(task, visit).orElse(null));
    }
    return "tasks/task";
  }

  /**
   * Approves the task with the note and {@code formValues}: what the department filled in the form, as the page's
   * script sends it (a JSON object of the form's keys), checked by the department service like the API's.
   */
  @PostMapping("/tasks/{id}/complete")
  String complete(@PathVariable String id, @RequestParam(required = false) String note,
      @RequestParam(required = false) String formValues, RedirectAttributes redirect) {
    TaskView task = tasks.get(id);
    try {
      Map<String, Object> values = new HashMap<>(formValues(formValues));
      if (note != null && !note.isBlank()) {
        values.put("note", note.strip());
      }
      tasks.complete(id, values);
      redirect.addFlashAttribute("completedTask", task.procedureName() + "「" + task.name() + "」");
      return "redirect:/tasks";
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/tasks/" + id;
    }
  }

  @PostMapping("/tasks/{id}/return")
  String returnWithReason(@PathVariable String id, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    TaskView task = tasks.get(id);
    try {
      tasks.returnWithReason(id, reason);
      redirect.addFlashAttribute("returnedTask", task.procedureName() + "「" + task.name() + "」");
      return "redirect:/tasks";
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      redirect.addFlashAttribute("reason", reason);
      return "redirect:/tasks/" + id;
    }
  }

  private Map<String, Object> formValues(String formValues) {
    if (formValues == null || formValues.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> values = json.readValue(formValues, new TypeReference<Map<String, Object>>() { });
      return values == null ? Map.of() : values;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("invalid-form-values", "申請書フォームの入力内容を読み取れませんでした。");
    }
  }

  private static boolean matches(TaskView task, String query) {
    return contains(task.procedureName(), query) || contains(task.name(), query)
        || (task.visitId() != null && task.visitId().toLowerCase(Locale.ROOT).startsWith(query));
  }

  private static boolean contains(String text, String query) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(query);
  }
}
