package org.madoguchi.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs staff in against the engine's identity store, so the users and groups an administrator manages
 * in Camunda Admin are the ones the API and the UI know; the engine hashes and salts the passwords and
 * locks an account after repeated failures.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("ユーザー名またはパスワードが違います。");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(userId));
  }

  private List<GrantedAuthority> authoritiesOf(String userId) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      authorities.add(new SimpleGrantedAuthority(Roles.GROUP_AUTHORITY_PREFIX + group.getId()));
      String role = switch (group.getId()) {
        case Roles.COUNTER_GROUP -> Roles.COUNTER;
        case Roles.ADVISOR_GROUP -> Roles.ADVISOR;
        case Roles.ADMIN_GROUP -> Roles.ADMIN;
        default -> Roles.DEPARTMENT_GROUP_TYPE.equals(group.getType()) ? Roles.DEPARTMENT : null;
      };
      if (role != null && authorities.stream().noneMatch(a -> a.getAuthority().equals("ROLE_" + role))) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
      }
    }
    return authorities;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
