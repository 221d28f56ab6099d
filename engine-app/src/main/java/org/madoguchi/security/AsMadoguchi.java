package org.madoguchi.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as Madoguchi itself rather than as the signed-in staff member: the engine's authentication is
 * cleared for the call, so neither its authorization nor its tenant check applies, and put back afterwards.
 *
 * <p>Only for calls Madoguchi makes on a staff member's behalf that the member's own engine grants do not cover, after
 * Madoguchi has decided in its own terms that the member may have the answer, or do the work. Each caller scopes the
 * call itself — to a visit it found for the member's municipality, to the tasks the engine listed for the member, to a
 * task the member may work by the engine's own grants — and says why in its Javadoc. Everything else runs as the
 * staff member (EngineAuthenticationFilter).
 */
@Component
public class AsMadoguchi {

  private final IdentityService identityService;

  AsMadoguchi(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication staff = identityService.getCurrentAuthentication();
    if (staff == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(staff);
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
