package org.madoguchi.modeler;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.madoguchi.bpr.BpmnMetrics;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The BPR workbench's API: the deployed models to start from, and the burden metrics of a model being edited. */
@RestController
@RequestMapping("/api/bpr")
@Tag(name = "BPR", description = "BPR アドバイザー: 配置済みのモデルと負担の指標")
@PreAuthorize("hasAnyRole('" + Roles.ADVISOR + "', '" + Roles.ADMIN + "')")
class BprController {

  private final BpmnMetrics metrics;
  private final DeployedModels models;

  BprController(BpmnMetrics metrics, DeployedModels models) {
    this.metrics = metrics;
    this.models = models;
  }

  record DeployedModelList(List<DeployedModels.Model> processes, List<DeployedModels.Model> decisions) {
  }

  @GetMapping("/models")
  @Operation(summary = "配置済みのプロセスと判定表（それぞれ最新の版）")
  DeployedModelList deployed() {
    return new DeployedModelList(models.processes(), models.decisions());
  }

  @GetMapping("/models/processes/{key}")
  @Operation(summary = "配置済みのプロセスの最新の版（BPMN の XML を含む）")
  DeployedModels.ProcessXml process(@PathVariable String key) {
    return models.process(key);
  }

  @GetMapping(value = "/models/decisions/{key}", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "配置済みの判定表の最新の版（DMN の XML）")
  ResponseEntity<String> decision(@PathVariable String key) {
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"" + key.replaceAll("[^A-Za-z0-9._-]", "_") + ".dmn\"")
        .contentType(new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8))
        .body(models.decisionXml(key));
  }

  /**
   * The burden metrics of the BPMN XML sent as the body (any content type; the modeler sends application/xml):
   * user tasks, lanes, hand-offs, resident moves, forms, resident-written fields, signatures, steps per role.
   */
  @PostMapping("/metrics")
  @Operation(summary = "本文の BPMN（XML）の負担の指標: ユーザータスク・レーン・引継ぎ・住民の移動・フォーム・住民が書く項目・署名・役割ごとのステップ",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", description = "BPMN 2.0 XML"))))
  ModelMetrics measure(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > ModelDrafts.MAX_XML_BYTES) {
      throw ModelDrafts.tooLarge();
    }
    byte[] xml;
    try (InputStream body = request.getInputStream()) {
      xml = body.readNBytes(ModelDrafts.MAX_XML_BYTES + 1);
    }
    if (xml.length == 0) {
      throw ApiException.badRequest("bpmn-required", "測る BPMN の XML を本文に入れて送ってください。");
    }
    // The same limits as a draft's, so the metrics never read what a draft could not hold.
    ModelDrafts.checkSafe(xml);
    try {
      return ModelMetrics.of(metrics.measure(new ByteArrayInputStream(xml), "model"));
    } catch (InvalidBpmnException e) {
      throw ModelDrafts.invalidBpmn(e.reason());
    }
  }
}
