package org.madoguchi.web;

import java.util.List;
import org.madoguchi.security.Roles;
import org.madoguchi.staff.StaffAccount;
import org.madoguchi.staff.StaffAccounts;
import org.madoguchi.system.ApiException;
import org.springframework.http.HttpStatus;
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
 * Staff accounts for administrators: the list with each account's roles and departments, creating an account, and
 * one account's page to change its groups or reset its password. A refused change comes back with the reason and
 * what was typed (never the password).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class AdminUserPagesController {

  private final StaffAccounts accounts;

  AdminUserPagesController(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  /** What the create form held, to show again after a refusal. */
  record AccountForm(String id, String lastName, String firstName, String email, List<String> groups) {

    static AccountForm empty() {
      return new AccountForm("", "", "", "", List.of());
    }
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("accounts", accounts.list());
    model.addAttribute("groups", accounts.assignableGroups());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", AccountForm.empty());
    }
    return "admin/users";
  }

  @PostMapping
  String create(@RequestParam(required = false) String id, @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String firstName, @RequestParam(required = false) String email,
      @RequestParam(required = false) String password,
      @RequestParam(name = "groups", required = false) List<String> groups, RedirectAttributes redirect) {
    List<String> chosen = groups == null ? List.of() : groups;
    try {
      // The page creates staff of the administrator's own municipality; another one's go through the API.
      StaffAccount created = accounts.create(new StaffAccounts.NewAccount(id, firstName, lastName, email, password,
          chosen, null));
      redirect.addFlashAttribute("created", created.id());
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      redirect.addFlashAttribute("form", new AccountForm(id, lastName, firstName, email, chosen));
    }
    return "redirect:/admin/users";
  }

  @GetMapping("/{id}")
  String account(@PathVariable String id, Model model) {
    model.addAttribute("account", accounts.get(id));
    model.addAttribute("groups", accounts.assignableGroups());
    return "admin/user";
  }

  @PostMapping("/{id}/groups")
  String setGroups(@PathVariable String id, @RequestParam(name = "groups", required = false) List<String> groups,
      RedirectAttributes redirect) {
    try {
      accounts.setGroups(id, groups == null ? List.of() : groups);
      redirect.addFlashAttribute("messageKey", "admin.user.groups.saved");
    } catch (ApiException e) {
      refuseUnlessMissing(e, redirect);
    }
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/password")
  String resetPassword(@PathVariable String id, @RequestParam(required = false) String password,
      RedirectAttributes redirect) {
    try {
      accounts.resetPassword(id, password);
      redirect.addFlashAttribute("messageKey", "admin.user.password.saved");
    } catch (ApiException e) {
      refuseUnlessMissing(e, redirect);
    }
    return "redirect:/admin/users/" + id;
  }

  /** A refusal is shown on the account's page; an account that does not exist is the error page's. */
  private static void refuseUnlessMissing(ApiException e, RedirectAttributes redirect) {
    if (e.status() == HttpStatus.NOT_FOUND) {
      throw e;
    }
    redirect.addFlashAttribute("error", e.getMessage());
  }
}
