package org.madoguchi.web;

import java.util.List;
import org.madoguchi.audit.AuditChain;
import org.madoguchi.audit.AuditEntry;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: the accesses to one visit's or one resident's data, and whether the hash
 * chain is whole. Looking is not itself recorded: it shows who accessed data, not the data.
 */
@Controller
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class AdminAuditPagesController {

  private final AuditLog audit;
  private final AuditChain chain;

  AdminAuditPagesController(AuditLog audit, AuditChain chain) {
    this.audit = audit;
    this.chain = chain;
  }

  @GetMapping("/admin/audit")
  String audit(@RequestParam(required = false) String visitId, @RequestParam(required = false) String residentId,
      Model model) {
    String visit = visitId == null || visitId.isBlank() ? null : visitId.strip();
    String resident = residentId == null || residentId.isBlank() ? null : residentId.strip();
    List<AuditEntry> entries = visit == null && resident == null ? List.of() : audit.find(visit, resident, null);
    model.addAttribute("visitId", visit);
    model.addAttribute("residentId", resident);
    model.addAttribute("searched", visit != null || resident != null);
    model.addAttribute("entries", entries);
    model.addAttribute("chain", chain.verify());
    return "admin/audit";
  }
}
