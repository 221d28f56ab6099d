package org.madoguchi.connectors.registry;

import static org.madoguchi.connectors.http.RetryingHttpClient.pathSegment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.connectors.http.RetryingHttpClient;

/**
 * The resident registry behind the HTTP/JSON API of {@code openapi/registry-api.yaml}.
 *
 * <p>Each call gets {@link HttpResidentRegistryProperties#maxAttempts()} attempts (see
 * {@link RetryingHttpClient}). A timeout (no complete answer within connect + read timeout), a failed or
 * dropped connection, a truncated body, and the answers 408, 429 and 5xx are retried after an exponentially
 * growing pause; other answers are final: 404 means "none", any other 4xx is a refusal, and a body that is
 * not the agreed JSON, or lacks a field the API requires, is an incomplete answer. Every write sends its key
 * as the Idempotency-Key on every attempt (the visit id of a move-in, the request id of a move-out or a
 * move-within), with the same body, so the registry records a retried change once and answers the repeat
 * with the first registration.
 *
 * <p>Every failure is a {@link RegistryException} whose message says which operation failed and how, and
 * carries no personal data and no identifier: the engine retries the job and then raises an incident an
 * operator can retry. It keeps no cause whose message could quote a URL or a body. A write answered 409 (the
 * key was used for another request) or 422 (a rule of the record forbids it) is a
 * {@link RegistryRefusedException} with the reason the problem's {@code code} names, or
 * {@link RegistryRefusedException.Reason#OTHER} when it names none this version knows.
 */
public class HttpResidentRegistryConnector implements ResidentRegistryConnector {

  private static final RetryingHttpClient.Counterpart REGISTRY = new RetryingHttpClient.Counterpart(
      "住民記録システム", "the resident registry", RegistryException::new);

  private final RetryingHttpClient http;
  private final ObjectMapper problemJson = RetryingHttpClient.objectMapper();

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
      requireWritten(operation, status, answer);
      MoveInRegistration registration = http.readJson(operation, answer,
          HttpRegistryJson.MoveInRegistrationJson.class).toRegistration(request);
      if (!registration.visitId().equals(request.visitId())) {
        throw http.wrongAnswer(operation, "a registration for another visit");
      }
      return registration;
    });
  }

  @Override
  public ChangeRegistration registerMoveOut(MoveOutRequest request) {
    return registerChange("POST /move-outs", "move-outs", request.requestId(), ChangeReason.MOVE_OUT,
        request.atenaNumbers(), HttpRegistryJson.MoveOutRequestJson.of(request));
  }

  @Override
  public ChangeRegistration registerMoveWithin(MoveWithinRequest request) {
    return registerChange("POST /move-withins", "move-withins", request.requestId(), ChangeReason.MOVE_WITHIN,
        request.atenaNumbers(), HttpRegistryJson.MoveWithinRequestJson.of(request));
  }

  @Override
  public List<ResidentChange> history(String atenaNumber) {
    String operation = "GET /residents/{atenaNumber}/history";
    HttpRequest request = http.request("residents/" + pathSegment(atenaNumber) + "/history").GET().build();
    return http.call(operation, request, (status, body) -> {
      if (status == 404) {
        return List.of();
      }
      requireStatus(operation, status, 200);
      HttpRegistryJson.ResidentHistoryJson history =
          http.readJson(operation, body, HttpRegistryJson.ResidentHistoryJson.class);
      List<ResidentChange> changes = history.toChanges();
      if (!history.atenaNumber().equals(atenaNumber)
          || changes.stream().anyMatch(change -> !change.resident().atenaNumber().equals(atenaNumber))) {
        throw http.wrongAnswer(operation, "another resident's history");
      }
      return changes;
    });
  }

  private ChangeRegistration registerChange(String operation, String path, String requestId,
      ChangeReason changeReason, List<String> atenaNumbers, Object body) {
    // one request object for every attempt: the same body and the same Idempotency-Key each time
    HttpRequest httpRequest = http.request(path)
        .header("Content-Type", "application/json")
        .header(RetryingHttpClient.IDEMPOTENCY_KEY, requestId)
        .POST(http.jsonBody(operation, body))
        .build();
    return http.call(operation, httpRequest, (status, answer) -> {
      requireWritten(operation, status, answer);
      ChangeRegistration registration = http.readJson(operation, answer,
          HttpRegistryJson.ChangeRegistrationJson.class).toRegistration();
      if (!registration.requestId().equals(requestId)) {
        throw http.wrongAnswer(operation, "a registration for another request");
      }
      if (registration.changeReason() != changeReason) {
        throw http.wrongAnswer(operation, "a registration of another kind of change");
      }
      if (!Set.copyOf(registration.atenaNumbers()).equals(Set.copyOf(atenaNumbers))) {
        throw http.wrongAnswer(operation, "a registration for other residents");
      }
      return registration;
    });
  }

  /** Accepts 201 (recorded now) and 200 (recorded before under the key); a refusal or failure otherwise. */
  private void requireWritten(String operation, int status, byte[] problem) {
    if (status == 409 || status == 422) {
      RegistryRefusedException.Reason reason = status == 409
          ? RegistryRefusedException.Reason.REQUEST_ID_REUSED
          : reasonOf(problem);
      throw new RegistryRefusedException(reason, "住民記録システムが異動を受け付けませんでした（HTTP " + status + ", "
          + reason + "）/ the resident registry refused " + operation + " with HTTP " + status + ": " + reason);
    }
    requireStatus(operation, status, 201, 200);
  }

  /** The refusal's reason from the problem's {@code code}; the body itself is never quoted. */
  private RegistryRefusedException.Reason reasonOf(byte[] problem) {
    String code;
    try {
      code = problemJson.readTree(problem).path("code").asText("");
    } catch (IOException notJson) {
      return RegistryRefusedException.Reason.OTHER;
    }
    return Arrays.stream(RegistryRefusedException.Reason.values())
        .filter(reason -> reason.name().equals(code))
        .findFirst()
        .orElse(RegistryRefusedException.Reason.OTHER);
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
