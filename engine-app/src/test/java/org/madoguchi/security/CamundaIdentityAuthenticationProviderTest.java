package org.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Sign-in against the engine's identity store, remembered briefly so HTTP Basic API calls stay cheap, with the
 * municipality the user works for.
 */
class CamundaIdentityAuthenticationProviderTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final MutableClock clock = new MutableClock();
  private CamundaIdentityAuthenticationProvider provider;

  @BeforeEach
  void counterStaffWithTheirPassword() {
    when(identity.checkPassword("counter", "counter")).thenReturn(true);
    Group group = mock(Group.class);
    when(group.getId()).thenReturn(Roles.COUNTER_GROUP);
    when(identity.createGroupQuery().groupMember("counter").list()).thenReturn(List.of(group));
    provider = new CamundaIdentityAuthenticationProvider(identity, clock);
  }

  @Test
  void aRepeatedSignInWithinTheWindowIsNotCheckedAgainButOnceItHasPassedItIs() {
    Authentication first = provider.authenticate(basic("counter", "counter"));
    Authentication second = provider.authenticate(basic("counter", "counter"));

    assertThat(second.isAuthenticated()).isTrue();
    assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
        .contains("ROLE_" + Roles.COUNTER);
    verify(identity, times(1)).checkPassword("counter", "counter");

    clock.advanceSeconds(CamundaIdentityAuthenticationProvider.REMEMBERED_FOR.toSeconds());
    provider.authenticate(basic("counter", "counter"));
    verify(identity, times(2)).checkPassword("counter", "counter");
  }

  @Test
  void aWrongPasswordAlwaysGoesToTheEngineSoLockoutStillCountsIt() {
    provider.authenticate(basic("counter", "counter"));

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> provider.authenticate(basic("counter", "wrong")))
          .isInstanceOf(BadCredentialsException.class);
    }
    verify(identity, times(3)).checkPassword("counter", "wrong");
  }

  @Test
  void aForgottenUserIsCheckedAgainAtOnce() {
    provider.authenticate(basic("counter", "counter"));
    provider.forget("counter");

    provider.authenticate(basic("counter", "counter"));

    verify(identity, times(2)).checkPassword(anyString(), anyString());
  }

  @Test
  void theUsersOwnTenantMembershipIsTheMunicipalityTheyWorkFor() {
    Tenant kagoshima = tenant("462012");
    when(identity.createTenantQuery().userMember("counter").list()).thenReturn(List.of(kagoshima));

    CurrentStaff staff = signedIn(provider.authenticate(basic("counter", "counter")));

    assertThat(staff.tenantId()).isEqualTo("462012");
    assertThat(staff.sees("462012")).isTrue();
    assertThat(staff.sees("462187")).isFalse();
  }

  @Test
  void aUserInSeveralMunicipalitiesWorksForNone() {
    List<Tenant> both = List.of(tenant("462012"), tenant("462187"));
    when(identity.createTenantQuery().userMember("counter").list()).thenReturn(both);

    CurrentStaff staff = signedIn(provider.authenticate(basic("counter", "counter")));

    assertThat(staff.tenantId()).isNull();
    assertThat(staff.sees("462012")).isFalse();
    assertThatThrownBy(staff::requireTenantId).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private static CurrentStaff signedIn(Authentication authentication) {
    SecurityContextHolder.getContext().setAuthentication(authentication);
    return CurrentStaff.get();
  }

  private static Tenant tenant(String code) {
    Tenant tenant = mock(Tenant.class);
    when(tenant.getId()).thenReturn(code);
    return tenant;
  }

  private static Authentication basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  private static final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-11-22T00:00:00Z");

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
