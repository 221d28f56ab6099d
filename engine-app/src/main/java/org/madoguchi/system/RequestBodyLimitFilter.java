package org.madoguchi.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies beyond a size, before anything reads them: a JSON body of more than 4 MB (the
 * largest legitimate ones, a model draft of up to 2 MB of XML and a signature image under 700 KB, fit with
 * room for escaping), any other body (a CSV import) of more than 20 MB. Multipart uploads have their own limits (spring.servlet.multipart). A body sent without a length
 * is cut off when it passes the limit, and the request is refused the same way.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final long MAX_JSON_BYTES = 4L * 1024 * 1024;
  static final long MAX_OTHER_BYTES = 20L * 1024 * 1024;
  static final String MESSAGE = "送信されたデータが大きすぎます（JSON は 4MB、ファイルは 20MB まで）。内容を減らして送り直してください。";

  /** Thrown while reading a body without a declared length that grows past the limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body too large");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || contentType != null && contentType.toLowerCase().startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    long limit = contentType != null && contentType.toLowerCase().contains("json") ? MAX_JSON_BYTES : MAX_OTHER_BYTES;
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"status\":413,\"title\":\"Payload Too Large\",\"error\":\"request-too-large\","
          + "\"message\":\"" + MESSAGE + "\",\"detail\":\"" + MESSAGE + "\"}");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream body = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = body.read();
          if (b >= 0 && ++read > limit) {
            throw new BodyTooLargeException();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = body.read(buffer, offset, length);
          if (n > 0 && (read += n) > limit) {
            throw new BodyTooLargeException();
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return body.isFinished();
        }

        @Override
        public boolean isReady() {
          return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          body.setReadListener(listener);
        }
      };
    }
  }
}
