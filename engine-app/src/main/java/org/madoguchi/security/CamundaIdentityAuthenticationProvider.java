package org.madoguchi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs staff in against the engine's identity store, so the users, groups and tenant memberships an
 * administrator manages in Camunda Admin are the ones the API and the UI know; the engine hashes and salts
 * the passwords and locks an account after repeated failures.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /**
   * How long a successful sign-in is remembered for the same user and password: API clients send HTTP
   * Basic on every call, and checking it costs two engine commands each time. A changed password or group
   * applies to such calls after at most this long; failed attempts always go to the engine (lockout).
   */
  static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);
  private static final int MAX_REMEMBERED = 1_000;

  private final IdentityService identityService;
  private final Clock clock;
  /** By user id and a SHA-256 of the password: the password itself is not kept. */
  private final Map<String, RememberedSignIn> remembered = new ConcurrentHashMap<>();

  CamundaIdentityAuthenticationProvider(IdentityService identityService, Clock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  private record RememberedSignIn(List<GrantedAuthority> authorities, Instant until) {
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("ユーザー名またはパスワードが違います。");
    }
    String key = userId + "\n" + sha256(credentials.toString());
    Instant now = clock.instant();
    RememberedSignIn earlier = remembered.get(key);
    if (earlier != null && now.isBefore(earlier.until())) {
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, earlier.authorities());
    }
    if (!identityService.checkPassword(userId, credentials.toString())) {
      remembered.remove(key);
      throw new BadCredentialsException("ユーザー名またはパスワードが違います。");
    }
    List<GrantedAuthority> authorities = authoritiesOf(userId);
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear();
    }
    remembered.put(key, new RememberedSignIn(authorities, now.plus(REMEMBERED_FOR)));
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** Forgets the remembered sign-ins of {@code userId}, e.g. after its password or groups changed. */
  void forget(String userId) {
    remembered.keySet().removeIf(key -> key.startsWith(userId + "\n"));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private List<GrantedAuthority> authoritiesOf(String userId) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      authorities.add(new SimpleGrantedAuthority(Roles.GROUP_AUTHORITY_PREFIX + group.getId()));
      String role = switch (group.getId()) {
        case Roles.COUNTER_GROUP -> Roles.COUNTER;
        case Roles.ADVISOR_GROUP -> Roles.ADVISOR;
        case Roles.ADMIN_GROUP -> Roles.ADMIN;
        case Roles.TENANT_ADMIN_GROUP -> Roles.TENANT_ADMIN;
        default -> Roles.DEPARTMENT_GROUP_TYPE.equals(group.getType()) ? Roles.DEPARTMENT : null;
      };
      if (role != null && authorities.stream().noneMatch(a -> a.getAuthority().equals("ROLE_" + role))) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
      }
    }
    // The user's own memberships only: groups (the counter, each department) are shared by every municipality.
    for (Tenant tenant : identityService.createTenantQuery().userMember(userId).list()) {
      authorities.add(new SimpleGrantedAuthority(Roles.TENANT_AUTHORITY_PREFIX + tenant.getId()));
    }
    return authorities;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
