package org.madoguchi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only administrators sign in to Camunda Cockpit, Tasklist and Admin. Those webapps authenticate against
 * the engine themselves and, with the engine's authorizations off, would let any staff member in — to every
 * case, and to Camunda Admin's users, groups and tenant memberships. Counter and department staff work in
 * Madoguchi's own pages; the webapps are the administrators' tool.
 */
class CamundaWebappsSignInFilter extends OncePerRequestFilter {

  /** The webapps' sign-in: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final Pattern SIGN_IN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final IdentityService identityService;

  CamundaWebappsSignInFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !SIGN_IN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = request.getParameter("username");
    boolean administrator = userId != null && !userId.isBlank()
        && identityService.createGroupQuery().groupMember(userId).groupId(Roles.ADMIN_GROUP).count() > 0;
    if (!administrator) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"Camunda の管理画面は管理者だけが"
          + "使えます。窓口・各課の業務は Madoguchi の画面で行ってください。\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
