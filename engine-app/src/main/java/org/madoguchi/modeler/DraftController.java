package org.madoguchi.modeler;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.madoguchi.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The web modeler's drafts: BPMN models advisors save while they work on them, never deployed from here. */
@RestController
@RequestMapping("/api/drafts")
@Tag(name = "Drafts", description = "BPR アドバイザーのモデルの下書き")
@PreAuthorize("hasAnyRole('" + Roles.ADVISOR + "', '" + Roles.ADMIN + "')")
class DraftController {

  private final ModelDrafts drafts;

  DraftController(ModelDrafts drafts) {
    this.drafts = drafts;
  }

  /** What a client sends to create or change a draft; {@code version} is the one it read (updates only). */
  record DraftRequest(String name, String bpmnXml, Integer version) {
  }

  @GetMapping
  @Operation(summary = "下書きの一覧（新しく変更された順、XML なし）")
  List<ModelDraft.Summary> list() {
    return drafts.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "下書き（BPMN の XML と版を含む）")
  ModelDraft get(@PathVariable String id) {
    return drafts.get(id);
  }

  @PostMapping
  @Operation(summary = "下書きを作る（名前と BPMN 2.0 の XML が必要。DTD を含む XML は受け付けない）")
  ResponseEntity<ModelDraft> create(@RequestBody DraftRequest request) {
    ModelDraft draft = drafts.create(request.name(), request.bpmnXml());
    return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(draft);
  }

  @PutMapping("/{id}")
  @Operation(summary = "下書きを保存する（読み込んだ版を付ける。その後に他で保存されていれば 409）")
  ModelDraft update(@PathVariable String id, @RequestBody DraftRequest request) {
    return drafts.update(id, request.name(), request.bpmnXml(), request.version());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "下書きを削除する（読み込んだ版を version で付ける）")
  ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) Integer version) {
    drafts.delete(id, version);
    return ResponseEntity.noContent().build();
  }
}
