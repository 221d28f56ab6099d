package org.madoguchi.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Calls the Madoguchi API over HTTP as one signed-in staff member (HTTP Basic, user name = demo password). */
public final class ApiClient {

  /** A 1×1 PNG: the smallest signature the API accepts. */
  public static final String SIGNATURE_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private final TestRestTemplate rest;

  private ApiClient(TestRestTemplate rest) {
    this.rest = rest;
  }

  public static ApiClient as(TestRestTemplate rest, String user) {
    return new ApiClient(rest.withBasicAuth(user, user));
  }

  public ResponseEntity<JsonNode> get(String path) {
    return rest.exchange(path, HttpMethod.GET, null, JsonNode.class);
  }

  public ResponseEntity<JsonNode> post(String path, Object body) {
    return rest.exchange(path, HttpMethod.POST, json(body), JsonNode.class);
  }

  public ResponseEntity<JsonNode> put(String path, Object body) {
    return rest.exchange(path, HttpMethod.PUT, json(body), JsonNode.class);
  }

  /** Posts {@code files} as multipart/form-data (a deployment's bundle). */
  @SafeVarargs
  public final ResponseEntity<JsonNode> upload(String path, HttpEntity<ByteArrayResource>... files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    List.of(files).forEach(file -> body.add("files", file));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A file of a multipart upload, in the part {@code files}, with its name. */
  public static HttpEntity<ByteArrayResource> file(String name, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDispositionFormData("files", name);
    return new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  /** Sends {@code rawBody} as it is, for requests that are malformed on purpose. */
  public ResponseEntity<JsonNode> send(HttpMethod method, String path, String rawBody) {
    return rest.exchange(path, method, json(rawBody), JsonNode.class);
  }

  /** The open tasks of {@code department} that belong to {@code visitId}, as the task list filtered by visit lists them. */
  public List<JsonNode> tasks(String department, String visitId) {
    List<JsonNode> tasks = new ArrayList<>();
    get("/api/tasks?department=" + department + "&visitId=" + visitId).getBody().forEach(tasks::add);
    assertThat(tasks).as("the tasks listed for visit %s", visitId)
        .allMatch(task -> visitId.equals(task.path("visitId").asText()));
    return tasks;
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
