package org.madoguchi.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.CsvMoveOutNoticeImporter;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** An administrator imports the notices sent ahead as a CSV file: all of it, or with a problem none of it. */
@ApplicationOnH2
class MoveOutNoticeImportIT {

  @Autowired
  TestRestTemplate rest;

  @Test
  void aValidFileImportsEveryNoticeTheCounterThenSeesAndEachPersonsImportIsAudited() {
    String id = "CSV" + System.nanoTime() % 1_000_000_000L;
    String csv = header() + row(id, "1", "霧島", "一", "キリシマ", "ハジメ", "昭和60年4月2日", "1", "世帯主", "1")
        + row(id, "2", "霧島", "桜", "きりしま", "さくら", "2015-06-30", "女", "子", "0");

    ResponseEntity<JsonNode> imported = post("admin", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody().path("rows").asInt()).isEqualTo(2);
    assertThat(imported.getBody().path("imported").get(0).asText()).isEqualTo(id);
    JsonNode pending = ApiClient.as(rest, "counter").get("/api/move-out-notices").getBody();
    JsonNode listed = find(pending, id);
    assertThat(listed.path("householdHeadName").asText()).isEqualTo("霧島\u3000一");
    assertThat(listed.path("householdHeadNameKana").asText()).isEqualTo("キリシマ\u3000ハジメ");
    assertThat(listed.path("memberCount").asInt()).isEqualTo(2);
    JsonNode audit = ApiClient.as(rest, "admin").get("/api/audit?residentId=" + id + "-2").getBody();
    assertThat(audit.findValuesAsText("action")).containsExactly("IMPORT_MOVE_OUT_NOTICES");

    ResponseEntity<JsonNode> again = post("admin", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(again.getBody().path("imported")).isEmpty();
    assertThat(again.getBody().path("alreadyKept").get(0).asText()).isEqualTo(id);
  }

  @Test
  void aFileWithAWrongCheckDigitIsRefusedByLineAndColumnAndNothingOfItIsImported() {
    String good = "CSV" + System.nanoTime() % 1_000_000_000L;
    String bad = good + "B";
    String csv = header() + row(good, "1", "霧島", "二郎", "キリシマ", "ジロウ", "1990-01-01", "1", "世帯主", "1")
        + row(bad, "1", "霧島", "三郎", "キリシマ", "サブロウ", "1990-01-01", "1", "世帯主", "1")
            .replace(",462012,", ",462013,");

    ResponseEntity<JsonNode> refused = post("admin", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody().path("error").asText()).isEqualTo("invalid-csv");
    assertThat(refused.getBody().path("message").asText()).contains("何も取り込んでいません");
    JsonNode problem = refused.getBody().path("problems").get(0);
    assertThat(problem.path("line").asInt()).isEqualTo(3);
    assertThat(problem.path("column").asText()).isEqualTo("to_municipality_code");
    JsonNode pending = ApiClient.as(rest, "counter").get("/api/move-out-notices").getBody();
    assertThat(pending.findValuesAsText("id")).doesNotContain(good, bad);
  }

  @Test
  void anEmptyFileAShiftJisFileAndAnotherRoleAreRefusedClearly() {
    ResponseEntity<JsonNode> empty = post("admin", new byte[0]);
    assertThat(empty.getStatusCode().is4xxClientError()).isTrue();
    assertThat(empty.getBody().path("message").asText()).isNotBlank();

    String csv = header() + row("SJIS1", "1", "霧島", "一", "キリシマ", "ハジメ", "1985-04-02", "1", "世帯主", "1");
    ResponseEntity<JsonNode> shiftJis = post("admin", csv.getBytes(Charset.forName("Shift_JIS")));
    assertThat(shiftJis.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(shiftJis.getBody().path("problems").toString()).contains("UTF-8");

    assertThat(post("counter", csv.getBytes(StandardCharsets.UTF_8)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theFileCanBeUploadedAsAFormFile() {
    String id = "CSV" + System.nanoTime() % 1_000_000_000L;
    String csv = header() + row(id, "1", "霧島", "四郎", "キリシマ", "シロウ", "1970-07-07", "1", "世帯主", "1");
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "notices.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<JsonNode> imported = rest.withBasicAuth("admin", "admin")
        .postForEntity("/api/move-out-notices/import", new HttpEntity<>(form, headers), JsonNode.class);

    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody().path("imported").get(0).asText()).isEqualTo(id);
  }

  private ResponseEntity<JsonNode> post(String user, byte[] csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return rest.withBasicAuth(user, user)
        .postForEntity("/api/move-out-notices/import", new HttpEntity<>(csv, headers), JsonNode.class);
  }

  private static String header() {
    return String.join(",", CsvMoveOutNoticeImporter.COLUMNS) + "\n";
  }

  /** A row for 鹿児島市 (462012) from 福岡市中央区 (401331), with the member's own columns given. */
  private static String row(String noticeId, String position, String family, String given, String familyKana,
      String givenKana, String birthDate, String sex, String relationship, String head) {
    return String.join(",", List.of(noticeId, "ONLINE_MOVING_SERVICE", "462012", "401331", "福岡市中央区",
        "福岡県福岡市中央区天神二丁目3番4号", "", "", "892-8677", "鹿児島県鹿児島市山下町11番1号", "",
        noticeId + "-" + position, family, given, familyKana, givenKana, birthDate, sex, relationship, head,
        "1", "0", "0", "1", "0", "0")) + "\n";
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode node : list) {
      if (node.path("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("notice " + id + " is not listed");
  }
}
