package org.madoguchi.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.madoguchi.modeler.DeployedModels;
import org.madoguchi.modeler.ModelDraft;
import org.madoguchi.modeler.ModelDrafts;
import org.madoguchi.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The advisor's web modeler: the deployed models and saved drafts to open, and the modeler page itself, whose
 * script (bpmn-js, bundled from src/main/js/modeler) loads the model and saves drafts through the JSON API.
 */
@Controller
@PreAuthorize("hasAnyRole('" + Roles.ADVISOR + "', '" + Roles.ADMIN + "')")
class ModelerPagesController {

  private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final DeployedModels models;
  private final ModelDrafts drafts;

  ModelerPagesController(DeployedModels models, ModelDrafts drafts) {
    this.models = models;
    this.drafts = drafts;
  }

  /** A draft as the list shows it. */
  record DraftRow(String id, String name, String processKey, String updatedBy, String updatedAt, int version) {
  }

  @GetMapping("/advisor/modeler")
  String list(Model model) {
    model.addAttribute("processes", models.processes());
    model.addAttribute("decisions", models.decisions());
    List<DraftRow> rows = drafts.list().stream().map(draft -> new DraftRow(draft.id(), draft.name(),
        draft.processKey(), draft.updatedBy(), SAVED_AT.format(draft.updatedAt()), draft.version())).toList();
    model.addAttribute("drafts", rows);
    return "modeler/list";
  }

  @GetMapping("/advisor/modeler/processes/{key}")
  String process(@PathVariable String key, Model model) {
    DeployedModels.ProcessXml process = models.process(key);
    model.addAttribute("source", "process");
    model.addAttribute("processKey", process.key());
    model.addAttribute("modelName", process.name());
    model.addAttribute("deployedVersion", process.version());
    return "modeler/editor";
  }

  @GetMapping("/advisor/modeler/drafts/{id}")
  String draft(@PathVariable String id, Model model) {
    ModelDraft draft = drafts.get(id);
    model.addAttribute("source", "draft");
    model.addAttribute("draftId", draft.id());
    model.addAttribute("processKey", draft.processKey());
    model.addAttribute("modelName", draft.name());
    return "modeler/editor";
  }

  @PostMapping("/advisor/modeler/drafts/{id}/delete")
  String delete(@PathVariable String id, @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    drafts.delete(id, version);
    redirect.addFlashAttribute("messageKey", "modeler.deleted");
    return "redirect:/advisor/modeler";
  }
}
