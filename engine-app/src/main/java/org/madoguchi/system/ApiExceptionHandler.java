package org.madoguchi.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.madoguchi.security.EngineAuthorizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as a problem detail that also carries the contract's {@code error} (a stable code) and
 * {@code message} (readable, Japanese). Details are fixed texts: an exception's own message, which may
 * hold data, never reaches the response or the log.
 */
@RestControllerAdvice(basePackages = "org.madoguchi")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApiException(ApiException e, HttpServletRequest request) {
    log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), e.code());
    return problem(e.status(), e.code(), e.getMessage(), request.getRequestURI());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, HttpServletRequest request) {
    log.info("{} {} refused: forbidden", request.getMethod(), request.getRequestURI());
    return problem(HttpStatus.FORBIDDEN, "forbidden", "この操作を行う権限がありません。", request.getRequestURI());
  }

  /** The engine refused the staff member: the same answer as Madoguchi's own refusal, the missing grants logged. */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> handleEngineRefusal(AuthorizationException e, HttpServletRequest request) {
    log.info("{} {} refused by the engine: {}", request.getMethod(), request.getRequestURI(),
        EngineAuthorizations.missing(e));
    return problem(HttpStatus.FORBIDDEN, "forbidden", "この操作を行う権限がありません。", request.getRequestURI());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Object> handleConcurrentChange(OptimisticLockingException e, HttpServletRequest request) {
    log.info("{} {} refused: concurrent change", request.getMethod(), request.getRequestURI());
    return problem(HttpStatus.CONFLICT, "concurrent-change",
        "他の操作と同時に更新されました。画面を更新してからやり直してください。", request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "システムでエラーが発生しました。時間をおいて再度お試しいただき、続く場合は管理者に連絡してください。",
        request.getRequestURI());
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    String uri = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    String method = request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : "";
    log.info("{} {} refused: {}", method, uri, statusCode.value());
    String code;
    String message;
    if (statusCode.value() == 413 || causedByTooLargeBody(e)) {
      statusCode = HttpStatus.PAYLOAD_TOO_LARGE;
      code = "request-too-large";
      message = RequestBodyLimitFilter.MESSAGE;
    } else if (e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
      code = "malformed-request";
      message = "送信された内容を読み取れません。JSON の形式と項目の型を確認してください。";
    } else if (e instanceof MethodArgumentNotValidException invalid) {
      code = "invalid-request";
      message = "入力内容に誤りがあります: " + invalid.getBindingResult().getFieldErrors().stream()
          .map(error -> error.getField() + " " + error.getDefaultMessage())
          .reduce((a, b) -> a + "、" + b).orElse("");
    } else if (statusCode.value() == 404) {
      code = "not-found";
      message = "指定されたページまたはデータは見つかりません。";
    } else if (statusCode.value() == 405) {
      code = "method-not-allowed";
      message = "この操作はこの URL では使えません。";
    } else if (statusCode.value() == 415) {
      code = "unsupported-media-type";
      message = "送信形式が違います。Content-Type: application/json で送信してください。";
    } else {
      code = "bad-request";
      message = "リクエストに誤りがあります。";
    }
    return problem(HttpStatus.valueOf(statusCode.value()), code, message, uri);
  }

  private static boolean causedByTooLargeBody(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static ResponseEntity<Object> problem(HttpStatus status, String code, String message, String uri) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setTitle(status.getReasonPhrase());
    if (uri != null) {
      problem.setInstance(URI.create(uri));
    }
    problem.setProperty("error", code);
    problem.setProperty("message", message);
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
