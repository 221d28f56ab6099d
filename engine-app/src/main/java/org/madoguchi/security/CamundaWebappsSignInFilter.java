package org.madoguchi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in to a Camunda webapp the engine's application grants do not open to the user, with a message in
 * Japanese that says where the work is done instead. Installation administrators have every webapp; a
 * municipality's administrator has Cockpit (and the start page) to follow its own municipality's cases, read-only by
 * its grants; counter and department staff have none, Tasklist included: they work in Madoguchi's pages, which fill
 * each application from the visit's data, check what a task's form sends and record every reading of an application.
 *
 * <p>The webapps check the same grants themselves, for every app but their start page (welcome), which they open to
 * anyone who can sign in; here it needs a grant like the others.
 */
class CamundaWebappsSignInFilter extends OncePerRequestFilter {

  /** The webapps' sign-in: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final Pattern SIGN_IN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)/?$");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  CamundaWebappsSignInFilter(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !signIn(request).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher signIn = signIn(request);
    String application = signIn.matches() ? signIn.group(1) : "";
    String userId = request.getParameter("username");
    if (userId == null || userId.isBlank() || !mayUse(userId, application)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"Camunda の管理画面は管理者だけが"
          + "使えます（Cockpit は自治体の管理者も使えます）。窓口・各課の業務は Madoguchi の画面で行ってください。\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean mayUse(String userId, String application) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
    return authorizationService.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  private static Matcher signIn(HttpServletRequest request) {
    return SIGN_IN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
  }
}
