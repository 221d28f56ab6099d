package org.madoguchi.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member of the current request: who they are and which groups they work in. */
public record CurrentStaff(String userId, Set<String> groups, Set<String> roles) {

  public static CurrentStaff get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no signed-in staff member on this request");
    }
    Set<String> authorities = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    return new CurrentStaff(authentication.getName(),
        authorities.stream().filter(a -> a.startsWith(Roles.GROUP_AUTHORITY_PREFIX))
            .map(a -> a.substring(Roles.GROUP_AUTHORITY_PREFIX.length())).collect(Collectors.toSet()),
        authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
            .collect(Collectors.toSet()));
  }

  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** Whether the staff member works the tasks of {@code group} (a department code or the counter). */
  public boolean worksIn(String group) {
    return groups.contains(group);
  }
}
