package org.madoguchi.connectors.handoff;

import static org.madoguchi.connectors.http.RetryingHttpClient.pathSegment;
import static org.madoguchi.connectors.http.RetryingHttpClient.required;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.madoguchi.connectors.http.RetryingHttpClient;

/**
 * Hands accepted cases over through the HTTP/JSON API of {@code openapi/department-handoff-api.yaml}
 * (a department's system, or the municipality's linkage hub in front of them).
 *
 * <p>Every attempt sends the same body with the case's idempotency key (the procedure instance) as its
 * Idempotency-Key header, so the department records a case once however often it is sent. Timeouts,
 * dropped connections, 408, 429 and 5xx are retried with a growing pause: when the department stored the
 * case but its answer was lost, the retry is answered 200 with the first receipt ({@code repeated}), and the
 * connector returns that one receipt. 409 (the key was used for another case), 400 and 422 are refusals,
 * not retried. When the attempts are used up the outcome is unknown to Madoguchi, and a
 * {@link HandoffException} lets the engine retry later or raise an incident: the key keeps that harmless.
 *
 * <p>No exception message carries personal data or an identifier; only the department code and the
 * operation.
 */
public class HttpDepartmentHandoffConnector implements DepartmentHandoffConnector {

  private static final RetryingHttpClient.Counterpart DEPARTMENT_SYSTEM = new RetryingHttpClient.Counterpart(
      "業務システム（引継ぎ先）", "the department system", HandoffException::new);

  private final RetryingHttpClient http;

  public HttpDepartmentHandoffConnector(DepartmentHandoffProperties settings) {
    this(settings, RetryingHttpClient.Sleeper.THREAD);
  }

  HttpDepartmentHandoffConnector(DepartmentHandoffProperties settings, RetryingHttpClient.Sleeper sleeper) {
    this.http = new RetryingHttpClient(settings.httpSettings(), DEPARTMENT_SYSTEM, sleeper,
        HttpDepartmentHandoffConnector.class);
  }

  @Override
  public HandoffReceipt handOver(Handoff handoff) {
    if (handoff.idempotencyKey() == null || handoff.idempotencyKey().isBlank()
        || handoff.idempotencyKey().length() > 64) {
      throw new IllegalArgumentException("a hand-over needs an idempotency key of 1 to 64 characters");
    }
    if (handoff.department() == null || handoff.department().isBlank()) {
      throw new IllegalArgumentException("a hand-over needs its department code");
    }
    String operation = "POST /departments/" + pathSegment(handoff.department()) + "/handoffs";
    // one request object for every attempt: the same body and the same Idempotency-Key each time
    HttpRequest request = http.request("departments/" + pathSegment(handoff.department()) + "/handoffs")
        .header("Content-Type", "application/json")
        .header(RetryingHttpClient.IDEMPOTENCY_KEY, handoff.idempotencyKey())
        .POST(http.jsonBody(operation, HandoffJson.of(handoff)))
        .build();
    return http.call(operation, request, (status, body) -> {
      if (status == 409) {
        throw http.failure("同じ冪等キーで別の引継ぎがあります / the department system answered " + operation
            + " with 409: this idempotency key was used for another case");
      }
      if (status != 201 && status != 200) {
        throw http.refused(operation, status);
      }
      HandoffReceipt receipt = http.readJson(operation, body, ReceiptJson.class).toReceipt();
      if (!receipt.idempotencyKey().equals(handoff.idempotencyKey())) {
        throw http.wrongAnswer(operation, "a receipt for another case");
      }
      return receipt;
    });
  }

  /** The request body of the API. */
  record HandoffJson(String idempotencyKey, String procedureKey, String department, String visitId,
      String municipalityCode, List<String> atenaNumbers) {

    static HandoffJson of(Handoff h) {
      return new HandoffJson(h.idempotencyKey(), h.procedureKey(), h.department(), h.visitId(),
          h.municipalityCode(), h.atenaNumbers() == null ? List.of() : h.atenaNumbers());
    }
  }

  /** The receipt the API answers with. */
  record ReceiptJson(String idempotencyKey, Instant receivedAt, Boolean repeated) {

    HandoffReceipt toReceipt() {
      return new HandoffReceipt(required(idempotencyKey, "idempotencyKey"), required(receivedAt, "receivedAt"),
          required(repeated, "repeated"));
    }
  }
}
