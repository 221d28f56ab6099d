package org.madoguchi.web;

import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, and each role's start page: counter → /counter, department → /tasks, admin → /admin, advisor. */
@Controller
class HomeController {

  private final boolean demo;

  HomeController(@Value("${madoguchi.demo.enabled:false}") boolean demo) {
    this.demo = demo;
  }

  @GetMapping("/")
  String home() {
    CurrentStaff staff = CurrentStaff.get();
    if (staff.roles().contains(Roles.ADMIN)) {
      return "redirect:/admin";
    }
    if (staff.roles().contains(Roles.COUNTER)) {
      return "redirect:/counter";
    }
    if (staff.roles().contains(Roles.DEPARTMENT)) {
      return "redirect:/tasks";
    }
    if (staff.roles().contains(Roles.ADVISOR)) {
      return "redirect:/advisor";
    }
    throw new AccessDeniedException("no role");
  }

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    model.addAttribute("demo", demo);
    return "login";
  }

  @GetMapping("/admin")
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  String admin() {
    return "home/admin";
  }

  @GetMapping("/advisor")
  @PreAuthorize("hasAnyRole('" + Roles.ADVISOR + "', '" + Roles.ADMIN + "')")
  String advisor() {
    return "home/advisor";
  }
}
