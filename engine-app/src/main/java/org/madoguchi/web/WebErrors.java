package org.madoguchi.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.madoguchi.security.EngineAuthorizations;
import org.madoguchi.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI's pages as the {@code error} page, saying in Japanese what to do next; ahead of the
 * API's JSON problem details, which would mean nothing to a person at the counter.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

  private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

  @ExceptionHandler(ApiException.class)
  ModelAndView refused(ApiException e, HttpServletRequest request) {
    log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), e.code());
    return page(e.status(), e.getMessage(), e.code());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView forbidden(AccessDeniedException e, HttpServletRequest request) {
    log.info("{} {} refused: forbidden", request.getMethod(), request.getRequestURI());
    return page(HttpStatus.FORBIDDEN, null, "forbidden");
  }

  @ExceptionHandler(AuthorizationException.class)
  ModelAndView refusedByTheEngine(AuthorizationException e, HttpServletRequest request) {
    log.info("{} {} refused by the engine: {}", request.getMethod(), request.getRequestURI(),
        EngineAuthorizations.missing(e));
    return page(HttpStatus.FORBIDDEN, null, "forbidden");
  }

  /** What Spring MVC refuses itself (an unknown page, a missing or malformed parameter, a wrong method): 4xx. */
  @ExceptionHandler({ErrorResponseException.class, ServletException.class, TypeMismatchException.class})
  ModelAndView badRequest(Exception e, HttpServletRequest request) {
    HttpStatus status = e instanceof ErrorResponse response ? HttpStatus.valueOf(response.getStatusCode().value())
        : HttpStatus.BAD_REQUEST;
    log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), status.value());
    return page(status, null, status == HttpStatus.NOT_FOUND ? "not-found" : "bad-request");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView failed(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, null, "internal-error");
  }

  /** The error page with the API's message when there is one, else the page's text for the status. */
  private static ModelAndView page(HttpStatus status, String message, String code) {
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("error", code);
    page.addObject("detail", message);
    return page;
  }
}
