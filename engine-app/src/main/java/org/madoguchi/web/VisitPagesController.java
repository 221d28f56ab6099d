package org.madoguchi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.document.DocumentArchive;
import org.madoguchi.procedure.VisitProcedures;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.madoguchi.task.DepartmentTaskService;
import org.madoguchi.task.TaskView;
import org.madoguchi.visit.InterviewAnswers;
import org.madoguchi.visit.VisitApplications;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitProgress;
import org.madoguchi.visit.VisitService;
import org.madoguchi.visit.VisitStatus;
import org.madoguchi.visit.VisitView;
import org.madoguchi.visit.VisitViews;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A visit at the counter, page by page: the household with every prefilled item and the interview
 * (手続ナビ), the confirmation the resident reads and signs, and the visit's status board. The pages' scripts
 * record the interview and submit the signature through the Visit API; every form also works without them.
 */
@Controller
@RequestMapping("/visits/{id}")
class VisitPagesController {

  static final String ACCEPT_STEP = "Accept";
  private static final String COUNTER_OR_ADMIN = "hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')";

  private final VisitService visits;
  private final VisitViews views;
  private final VisitProcedures procedures;
  private final DepartmentTaskService tasks;
  private final VisitApplications applications;
  private final DocumentArchive documents;
  private final Clock clock;

  VisitPagesController(VisitService visits, VisitViews views, VisitProcedures procedures,
      DepartmentTaskService tasks, VisitApplications applications, DocumentArchive documents, Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.clock = clock;
    this.visits = visits;
    this.views = views;
    this.procedures = procedures;
    this.tasks = tasks;
  }

  /** The page the visit is at: the interview while it is at the counter, else its status. */
  @GetMapping
  String route(@PathVariable String id) {
    Visit visit = visits.find(id);
    boolean atCounter = visit.status() == VisitStatus.INTERVIEW || visit.status() == VisitStatus.CONFIRMATION;
    return atCounter && counterOrAdmin() ? "redirect:/visits/" + id + "/interview" : "redirect:/visits/" + id + "/status";
  }

  @GetMapping("/interview")
  @PreAuthorize(COUNTER_OR_ADMIN)
  String interview(@PathVariable String id, Model model) {
    Visit visit = visits.get(id);
    if (!openAtCounter(visit)) {
      return "redirect:/visits/" + id + "/status";
    }
    VisitView view = views.of(visit);
    Map<String, List<VisitView.Question>> memberQuestions = new LinkedHashMap<>();
    view.household().members().forEach(m -> memberQuestions.put(m.id(), new ArrayList<>()));
    view.interview().questions().stream().filter(q -> q.memberId() != null)
        .forEach(q -> memberQuestions.computeIfAbsent(q.memberId(), m -> new ArrayList<>()).add(q));
    model.addAttribute("visit", view);
    model.addAttribute("names", namesOf(view));
    model.addAttribute("householdQuestions", view.interview().questions().stream()
        .filter(q -> q.memberId() == null).toList());
    model.addAttribute("memberQuestions", memberQuestions);
    model.addAttribute("today", LocalDate.now(clock));
    return "visits/interview";
  }

  /** Records the interview from the form (the page's script has usually recorded it already) and confirms. */
  @PostMapping("/interview")
  @PreAuthorize(COUNTER_OR_ADMIN)
  String recordInterview(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes redirect) {
    VisitView view = views.of(visits.find(id));
    try {
      visits.recordInterview(id, InterviewForm.answers(view.interview().questions(), form));
      return "redirect:/visits/" + id + "/confirm";
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/visits/" + id + "/interview";
    }
  }

  @GetMapping("/confirm")
  @PreAuthorize(COUNTER_OR_ADMIN)
  String confirm(@PathVariable String id, Model model, RedirectAttributes redirect) {
    Visit visit = visits.get(id);
    if (visit.status() == VisitStatus.INTERVIEW) {
      redirect.addFlashAttribute("errorKey", "confirm.interviewFirst");
      return "redirect:/visits/" + id + "/interview";
    }
    if (visit.status() != VisitStatus.CONFIRMATION) {
      return "redirect:/visits/" + id + "/status";
    }
    VisitView view = views.of(visit);
    model.addAttribute("visit", view);
    model.addAttribute("names", namesOf(view));
    model.addAttribute("burden", applications.burden(visit));
    // What the resident said in words goes on the applications, so they read it back before signing.
    model.addAttribute("spokenAnswers", view.interview().questions().stream()
        .filter(q -> "TEXT".equals(q.type()) && q.value() != null && !q.value().toString().isBlank()).toList());
    return "visits/confirm";
  }

  /** The visit's status board: every procedure, its department, its state, and the work the viewer can do. */
  @GetMapping("/status")
  String status(@PathVariable String id, @RequestParam(required = false) Integer accepted, Model model) {
    mayRead(id);
    if (accepted != null) {
      model.addAttribute("acceptedCount", accepted);
    }
    VisitView view = views.of(visits.get(id));
    Map<String, TaskView> workable = workableTasks(view);
    model.addAttribute("visit", view);
    model.addAttribute("step", stepOf(view.status()));
    model.addAttribute("names", namesOf(view));
    model.addAttribute("workable", workable);
    model.addAttribute("documents", counterOrAdmin() ? documents.ofVisit(id) : List.of());
    model.addAttribute("acceptTasks", workable.values().stream()
        .filter(task -> ACCEPT_STEP.equals(task.taskDefinitionKey())).map(TaskView::id).toList());
    return "visits/status";
  }

  /** Where the visit stands, without personal data: the status page polls it while the move-in is recorded. */
  @GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  VisitProgress progress(@PathVariable String id) {
    mayRead(id);
    return views.progressOf(visits.find(id));
  }

  /** Accepts every application of the visit still waiting at the counter (the page's script does it one by one). */
  @PostMapping("/accept")
  @PreAuthorize(COUNTER_OR_ADMIN)
  String acceptAll(@PathVariable String id, RedirectAttributes redirect) {
    int accepted = 0;
    try {
      for (TaskView task : tasks.list(Roles.COUNTER_GROUP, id)) {
        if (id.equals(task.visitId()) && ACCEPT_STEP.equals(task.taskDefinitionKey())) {
          tasks.complete(task.id(), Map.of());
          accepted++;
        }
      }
      redirect.addFlashAttribute("acceptedCount", accepted);
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/visits/" + id + "/status";
  }

  /** The open tasks of this visit the viewer can work, by procedure instance. */
  private Map<String, TaskView> workableTasks(VisitView view) {
    CurrentStaff staff = CurrentStaff.get();
    Set<String> groups = new LinkedHashSet<>();
    groups.add(Roles.COUNTER_GROUP);
    view.procedures().forEach(p -> groups.add(p.department()));
    Map<String, TaskView> workable = new LinkedHashMap<>();
    for (String group : groups) {
      if (staff.isAdmin() || staff.worksIn(group)) {
        for (TaskView task : tasks.list(group, view.id())) {
          if (view.id().equals(task.visitId())) {
            workable.putIfAbsent(task.processInstanceId(), task);
          }
        }
      }
    }
    return workable;
  }

  /**
   * Counter staff and administrators read any visit of their municipality; a department reads the visits it
   * has a procedure of.
   */
  private void mayRead(String visitId) {
    visits.find(visitId); // another municipality's visit is not found
    if (counterOrAdmin()) {
      return;
    }
    CurrentStaff staff = CurrentStaff.get();
    if (procedures.of(visitId).stream().noneMatch(p -> staff.worksIn(p.department()))) {
      throw new AccessDeniedException("not a visit of the staff member's departments");
    }
  }

  /** The step of the page's step list a visit is at (6: every step done). */
  private static int stepOf(VisitStatus status) {
    return switch (status) {
      case INTERVIEW -> 1;
      case CONFIRMATION -> 2;
      case SUBMITTED, REGISTERED -> 3;
      case ACCEPTING -> 4;
      case ACCEPTED -> 5;
      case COMPLETED -> 6;
    };
  }

  private static boolean openAtCounter(Visit visit) {
    return visit.status() == VisitStatus.INTERVIEW || visit.status() == VisitStatus.CONFIRMATION;
  }

  private static boolean counterOrAdmin() {
    CurrentStaff staff = CurrentStaff.get();
    return staff.isAdmin() || staff.roles().contains(Roles.COUNTER);
  }

  /** Member names by member id ("薩摩　太郎"), for the procedures and reasons that name members by id. */
  static Map<String, String> namesOf(VisitView view) {
    Map<String, String> names = new LinkedHashMap<>();
    view.household().members().forEach(m -> names.put(m.id(), m.familyName() + "\u3000" + m.givenName()));
    return names;
  }

  /** The interview form: {@code h.<key>} for the household's questions, {@code m.<member>.<key>} for a member's. */
  static final class InterviewForm {

    private InterviewForm() {
    }

    static String fieldName(VisitView.Question question) {
      return "HOUSEHOLD".equals(question.scope()) ? "h." + question.key()
          : "m." + question.memberId() + "." + question.key();
    }

    static InterviewAnswers answers(List<VisitView.Question> questions, MultiValueMap<String, String> form) {
      Map<String, Object> household = new LinkedHashMap<>();
      Map<String, Map<String, Object>> members = new LinkedHashMap<>();
      for (VisitView.Question question : questions) {
        String value = form.getFirst(fieldName(question));
        Object answer;
        if ("BOOLEAN".equals(question.type())) {
          answer = "true".equals(value);
        } else if (value == null || value.isBlank()) {
          continue;
        } else {
          answer = value.strip();
        }
        if ("HOUSEHOLD".equals(question.scope())) {
          household.put(question.key(), answer);
        } else {
          members.computeIfAbsent(question.memberId(), m -> new LinkedHashMap<>()).put(question.key(), answer);
        }
      }
      return new InterviewAnswers(household, members);
    }
  }
}
