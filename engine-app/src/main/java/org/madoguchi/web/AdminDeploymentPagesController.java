package org.madoguchi.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.madoguchi.deployment.BundleFile;
import org.madoguchi.deployment.DeploymentService;
import org.madoguchi.deployment.DeploymentSummary;
import org.madoguchi.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The deployment page: the administrator uploads a bundle and checks it (a dry run: problems per file and element, or
 * the versions and burden metrics that change); a bundle that passes is kept in the session until the administrator
 * deploys exactly what was checked, without uploading it again.
 */
@Controller
@RequestMapping("/admin/deployments")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class AdminDeploymentPagesController {

  private static final String CHECKED_BUNDLE = AdminDeploymentPagesController.class.getName() + ".checked";
  /** The pages deploy the standard definitions every municipality shares; overrides go through the API. */
  private static final String SHARED = null;

  private final DeploymentService deployments;

  AdminDeploymentPagesController(DeploymentService deployments) {
    this.deployments = deployments;
  }

  /** A checked bundle waiting to be deployed; serializable, as sessions may be. */
  record CheckedBundle(String token, String name, boolean allowScripts, ArrayList<String> fileNames,
      ArrayList<byte[]> contents) implements Serializable {

    List<BundleFile> files() {
      List<BundleFile> files = new ArrayList<>();
      for (int i = 0; i < fileNames.size(); i++) {
        files.add(new BundleFile(fileNames.get(i), contents.get(i)));
      }
      return files;
    }
  }

  @GetMapping
  String page() {
    return "admin/deploy";
  }

  @PostMapping
  String check(@RequestParam(name = "files", required = false) List<MultipartFile> uploads,
      @RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean allowScripts,
      HttpSession session, Model model) {
    session.removeAttribute(CHECKED_BUNDLE);
    List<BundleFile> files = uploads == null ? List.of() : uploads.stream()
        .filter(upload -> upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank())
        .map(BundleFile::of).toList();
    String deploymentName = name == null || name.isBlank() ? DeploymentService.DEFAULT_NAME : name.strip();
    model.addAttribute("name", name);
    model.addAttribute("allowScripts", allowScripts);
    if (files.isEmpty()) {
      model.addAttribute("errorKey", "admin.deploy.noFiles");
      return "admin/deploy";
    }
    try {
      DeploymentSummary summary = deployments.deploy(deploymentName, files, allowScripts, true, SHARED);
      CheckedBundle checked = new CheckedBundle(UUID.randomUUID().toString(), deploymentName, allowScripts,
          new ArrayList<>(files.stream().map(BundleFile::name).toList()),
          new ArrayList<>(files.stream().map(BundleFile::content).toList()));
      session.setAttribute(CHECKED_BUNDLE, checked);
      model.addAttribute("summary", summary);
      model.addAttribute("token", checked.token());
    } catch (DeploymentService.InvalidBundleException e) {
      model.addAttribute("problems", e.problems());
    }
    return "admin/deploy";
  }

  @PostMapping("/deploy")
  String deploy(@RequestParam(required = false) String token, HttpSession session, Model model) {
    Object checked = session.getAttribute(CHECKED_BUNDLE);
    if (!(checked instanceof CheckedBundle bundle) || !bundle.token().equals(token)) {
      model.addAttribute("errorKey", "admin.deploy.expired");
      return "admin/deploy";
    }
    session.removeAttribute(CHECKED_BUNDLE);
    try {
      model.addAttribute("summary", deployments.deploy(bundle.name(), bundle.files(), bundle.allowScripts(), false,
          SHARED));
    } catch (DeploymentService.InvalidBundleException e) {
      model.addAttribute("problems", e.problems());
    }
    return "admin/deploy";
  }
}
