package org.madoguchi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is acting on this request, so its authorization and tenant checks apply to them and its
 * operation log names them: every query then answers with the staff member's municipality's data and the shared
 * definitions only (installation administrators, members of camunda-admin, are not tenant-checked by the engine).
 * What Madoguchi does {@linkplain AsMadoguchi as itself} after its own checks (working a task, some reads) is not in
 * that log; Madoguchi's audit log records it. The job executor's threads never carry a request's authentication,
 * so background work is not tenant-checked.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || "anonymousUser".equals(authentication.getPrincipal())) {
      chain.doFilter(request, response);
      return;
    }
    CurrentStaff staff = CurrentStaff.get();
    identityService.setAuthentication(staff.userId(), new ArrayList<>(staff.groups()),
        staff.tenantId() == null ? List.of() : List.of(staff.tenantId()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
