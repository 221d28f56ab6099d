package org.madoguchi.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.system.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member of the current request: who they are, which groups they work in, and the
 * municipality (tenant) they work for.
 *
 * @param tenantId the local government code of the one tenant the staff member belongs to; null when they
 *     belong to none or, by a mistake in the identity store, to several: then they work for none
 */
public record CurrentStaff(String userId, Set<String> groups, Set<String> roles, String tenantId) {

  public static CurrentStaff get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no signed-in staff member on this request");
    }
    Set<String> authorities = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    List<String> tenants = authorities.stream().filter(a -> a.startsWith(Roles.TENANT_AUTHORITY_PREFIX))
        .map(a -> a.substring(Roles.TENANT_AUTHORITY_PREFIX.length())).toList();
    return new CurrentStaff(authentication.getName(),
        authorities.stream().filter(a -> a.startsWith(Roles.GROUP_AUTHORITY_PREFIX))
            .map(a -> a.substring(Roles.GROUP_AUTHORITY_PREFIX.length())).collect(Collectors.toSet()),
        authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
            .collect(Collectors.toSet()),
        tenants.size() == 1 ? tenants.get(0) : null);
  }

  /** Whether the staff member administers the whole installation, every municipality in it. */
  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** Whether the staff member works the tasks of {@code group} (a department or the counter). */
  public boolean worksIn(String group) {
    return groups.contains(group);
  }

  /** Whether the staff member may read the data of municipality {@code municipalityCode}. */
  public boolean sees(String municipalityCode) {
    return isAdmin() || (tenantId != null && tenantId.equals(municipalityCode));
  }

  /** The municipality the staff member works for; work for a municipality is refused to one without it. */
  public String requireTenantId() {
    if (tenantId == null) {
      throw ApiException.forbidden("no-municipality",
          "所属する自治体が設定されていないため、この操作はできません。管理者に所属自治体の設定を依頼してください。");
    }
    return tenantId;
  }
}
