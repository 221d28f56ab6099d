package org.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signed applications of a move-in are archived as PDFs in Japanese with the signature; a download reads
 * back the resident's name and address; changing one byte of a stored document fails verification.
 */
@ApplicationOnH2
class SignedApplicationsArchiveIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  @Test
  void signedApplicationsAreArchivedReadableAndTamperEvident() throws Exception {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    String visitId = MoveInDriver.completeMoveIn(rest, notice.id());
    ApiClient counter = ApiClient.as(rest, "counter");

    JsonNode documents = counter.get("/api/visits/" + visitId + "/documents").getBody();
    List<String> titles = new ArrayList<>();
    documents.forEach(d -> titles.add(d.path("title").asText()));
    assertThat(documents.size()).isEqualTo(1 + counter.get("/api/visits/" + visitId).getBody()
        .path("procedures").size());
    documents.forEach(d -> assertThat(d.path("sha256").asText()).hasSize(64));
    assertThat(documents.findValuesAsText("formId")).contains("move-in-notification", "nhi-enrollment-application");

    String notification = documents.get(0).path("id").asText();
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("counter", "counter")
        .getForEntity("/api/documents/" + notification, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text.replace(" ", "").replace("\u3000", ""))
        .contains("薩摩太郎", "鹿児島県鹿児島市中央町10番1号", "鹿児島市長");
    assertThat(counter.get("/api/visits/" + visitId + "/documents/verify").getBody().path("valid").asBoolean())
        .isTrue();

    byte[] tampered = pdf.getBody().clone();
    tampered[tampered.length / 2] ^= 0x01;
    jdbc.sql("update application_document set pdf = ? where id = ?").params(tampered, notification).update();

    JsonNode verification = counter.get("/api/visits/" + visitId + "/documents/verify").getBody();
    assertThat(verification.path("valid").asBoolean()).isFalse();
    assertThat(verification.path("problems").toString()).contains("変更されています");
    jdbc.sql("update application_document set pdf = ? where id = ?").params(pdf.getBody(), notification).update();
    assertThat(counter.get("/api/visits/" + visitId + "/documents/verify").getBody().path("valid").asBoolean())
        .isTrue();
  }
}
