package org.madoguchi.connectors.registry;

import static org.madoguchi.connectors.http.RetryingHttpClient.pathSegment;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import org.madoguchi.connectors.http.RetryingHttpClient;

/**
 * The resident registry behind the HTTP/JSON API of {@code openapi/registry-api.yaml}.
 *
 * <p>Each call gets {@link HttpResidentRegistryProperties#maxAttempts()} attempts (see
 * {@link RetryingHttpClient}). A timeout (no complete answer within connect + read timeout), a failed or
 * dropped connection, a truncated body, and the answers 408, 429 and 5xx are retried after an exponentially
 * growing pause; other answers are final: 404 means "none", any other 4xx is a refusal, and a body that is
 * not the agreed JSON, or lacks a field the API requires, is an incomplete answer. {@link #registerMoveIn}
 * sends the visit id as the Idempotency-Key on every attempt, so the registry records a retried move-in once.
 *
 * <p>Every failure is a {@link RegistryException} whose message says which operation failed and how, and
 * carries no personal data and no identifier: the engine retries the job and then raises an incident an
 * operator can retry. It keeps no cause whose message could quote a URL or a body.
 */
public class HttpResidentRegistryConnector implements ResidentRegistryConnector {

  private static final RetryingHttpClient.Counterpart REGISTRY = new RetryingHttpClient.Counterpart(
      "住民記録システム", "the resident registry", RegistryException::new);

  private final RetryingHttpClient http;

  public HttpResidentRegistryConnector(HttpResidentRegistryProperties settings) {
    this(settings, RetryingHttpClient.Sleeper.THREAD);
  }

  HttpResidentRegistryConnector(HttpResidentRegistryProperties settings, RetryingHttpClient.Sleeper sleeper) {
    this.http = new RetryingHttpClient(settings.http(), REGISTRY, sleeper, HttpResidentRegistryConnector.class);
  }

  @Override
  public Optional<Resident> findResident(String atenaNumber) {
    String operation = "GET /residents/{atenaNumber}";
    HttpRequest request = http.request("residents/" + pathSegment(atenaNumber)).GET().build();
    return http.call(operation, request, (status, body) -> {
      if (status == 404) {
        return Optional.empty();
      }
      requireStatus(operation, status, 200);
      Resident resident = http.readJson(operation, body, HttpRegistryJson.ResidentJson.class).toResident("resident");
      if (!resident.atenaNumber().equals(atenaNumber)) {
        throw http.wrongAnswer(operation, "another resident");
      }
      return Optional.of(resident);
    });
  }

  @Override
  public List<Resident> findHousehold(String householdNumber) {
    String operation = "GET /households/{householdNumber}";
    HttpRequest request = http.request("households/" + pathSegment(householdNumber)).GET().build();
    return http.call(operation, request, (status, body) -> {
      if (status == 404) {
        return List.of();
      }
      requireStatus(operation, status, 200);
      List<Resident> members = http.readJson(operation, body, HttpRegistryJson.HouseholdJson.class).toResidents();
      if (members.stream().anyMatch(member -> !member.householdNumber().equals(householdNumber))) {
        throw http.wrongAnswer(operation, "another household");
      }
      return members;
    });
  }

  @Override
  public MoveInRegistration registerMoveIn(MoveInRequest request) {
    String operation = "POST /move-ins";
    if (request.visitId() == null || request.visitId().isBlank()) {
      throw new IllegalArgumentException("a move-in needs its visit id: it is the idempotency key");
    }
    // one request object for every attempt: the same body and the same Idempotency-Key each time
    HttpRequest httpRequest = http.request("move-ins")
        .header("Content-Type", "application/json")
        .header(RetryingHttpClient.IDEMPOTENCY_KEY, request.visitId())
        .POST(http.jsonBody(operation, HttpRegistryJson.MoveInRequestJson.of(request)))
        .build();
    return http.call(operation, httpRequest, (status, answer) -> {
      requireStatus(operation, status, 201, 200);
      MoveInRegistration registration = http.readJson(operation, answer,
          HttpRegistryJson.MoveInRegistrationJson.class).toRegistration(request);
      if (!registration.visitId().equals(request.visitId())) {
        throw http.wrongAnswer(operation, "a registration for another visit");
      }
      return registration;
    });
  }

  private void requireStatus(String operation, int status, int... accepted) {
    for (int ok : accepted) {
      if (status == ok) {
        return;
      }
    }
    throw http.refused(operation, status);
  }
}
