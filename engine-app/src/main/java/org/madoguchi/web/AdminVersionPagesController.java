package org.madoguchi.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.fitgap.FitGapService;
import org.madoguchi.migration.MigrationReport;
import org.madoguchi.migration.ProcessVersion;
import org.madoguchi.migration.ProcessVersionService;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Process versions for administrators: every version with its running cases (suspend, activate), the migration of
 * running cases (a dry run first, then the migration itself), and the fit and gap between two versions.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class AdminVersionPagesController {

  private final ProcessVersionService versions;
  private final FitGapService fitGap;

  AdminVersionPagesController(ProcessVersionService versions, FitGapService fitGap) {
    this.versions = versions;
    this.fitGap = fitGap;
  }

  /** One process key with its versions, oldest first, and the latest version's id (the usual migration target). */
  record ProcessVersions(String key, String name, List<ProcessVersion> versions, String latestId) {
  }

  @GetMapping("/versions")
  String versions(Model model) {
    model.addAttribute("processes", byKey(versions.versions(null)));
    return "admin/versions";
  }

  @PostMapping("/versions/{id}/suspend")
  String suspend(@PathVariable String id, RedirectAttributes redirect) {
    versions.suspend(id);
    redirect.addFlashAttribute("messageKey", "admin.versions.suspendedDone");
    return "redirect:/admin/versions";
  }

  @PostMapping("/versions/{id}/activate")
  String activate(@PathVariable String id, RedirectAttributes redirect) {
    versions.activate(id);
    redirect.addFlashAttribute("messageKey", "admin.versions.activatedDone");
    return "redirect:/admin/versions";
  }

  @GetMapping("/migrations")
  String migration(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
      Model model) {
    model.addAttribute("versions", versions.versions(null));
    model.addAttribute("source", source);
    model.addAttribute("target", target);
    return "admin/migration";
  }

  /** {@code action=migrate} migrates; anything else is a dry run. */
  @PostMapping("/migrations")
  String migrate(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
      @RequestParam(defaultValue = "dryRun") String action, Model model) {
    model.addAttribute("versions", versions.versions(null));
    model.addAttribute("source", source);
    model.addAttribute("target", target);
    if (source == null || source.isBlank() || target == null || target.isBlank()) {
      model.addAttribute("errorKey", "admin.migration.selectBoth");
      return "admin/migration";
    }
    MigrationReport report;
    try {
      report = versions.migrate(source, target, !"migrate".equals(action));
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      return "admin/migration";
    }
    model.addAttribute("report", report);
    model.addAttribute("migratable", report.planProblems().isEmpty()
        && report.instances().stream().allMatch(MigrationReport.InstanceResult::ok));
    return "admin/migration";
  }

  @GetMapping("/fit-gap")
  String fitGap(@RequestParam(required = false) String standard, @RequestParam(required = false) String variant,
      Model model) {
    model.addAttribute("versions", versions.versions(null));
    model.addAttribute("standard", standard);
    model.addAttribute("variant", variant);
    if (standard != null && !standard.isBlank() && variant != null && !variant.isBlank()) {
      try {
        model.addAttribute("comparison", fitGap.compare(new FitGapService.Selector(standard, null, null),
            new FitGapService.Selector(variant, null, null)));
      } catch (ApiException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "admin/fit-gap";
  }

  private static List<ProcessVersions> byKey(List<ProcessVersion> all) {
    Map<String, List<ProcessVersion>> byKey = new LinkedHashMap<>();
    all.forEach(version -> byKey.computeIfAbsent(version.key(), key -> new ArrayList<>()).add(version));
    return byKey.values().stream().map(list -> {
      ProcessVersion latest = list.get(list.size() - 1);
      return new ProcessVersions(latest.key(), latest.name() == null ? latest.key() : latest.name(), list,
          latest.id());
    }).toList();
  }
}
