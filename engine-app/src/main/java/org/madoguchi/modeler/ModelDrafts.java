package org.madoguchi.modeler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.madoguchi.deployment.ModelXml;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Advisors' drafts: checked before they are stored (a name, BPMN 2.0 XML without a DTD, within the size limit),
 * and changed only by whoever read the latest version, so that two advisors never overwrite each other unseen.
 */
@Service
public class ModelDrafts {

  /** The largest model accepted, in bytes of UTF-8: the processes of a whole municipality stay far below it. */
  public static final int MAX_XML_BYTES = 2 * 1024 * 1024;
  static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_PROCESS_KEY_LENGTH = 255;

  private final ModelDraftRepository drafts;
  private final Clock clock;

  ModelDrafts(ModelDraftRepository drafts, Clock clock) {
    this.drafts = drafts;
    this.clock = clock;
  }

  public List<ModelDraft.Summary> list() {
    return drafts.list();
  }

  public ModelDraft get(String id) {
    return drafts.find(id).orElseThrow(ModelDrafts::notFound);
  }

  ModelDraft create(String name, String bpmnXml) {
    String checkedName = checkName(name);
    String processKey = processKeyOf(bpmnXml);
    Instant now = now();
    String staff = CurrentStaff.get().userId();
    ModelDraft draft = new ModelDraft(UUID.randomUUID().toString(), checkedName, processKey, bpmnXml, staff, now,
        staff, now, 1);
    drafts.insert(draft);
    return draft;
  }

  ModelDraft update(String id, String name, String bpmnXml, Integer readVersion) {
    String checkedName = checkName(name);
    String processKey = processKeyOf(bpmnXml);
    int version = checkVersion(readVersion);
    ModelDraft current = get(id);
    ModelDraft changed = new ModelDraft(id, checkedName, processKey, bpmnXml, current.createdBy(),
        current.createdAt(), CurrentStaff.get().userId(), now(), version + 1);
    if (current.version() != version || !drafts.update(changed)) {
      throw changedMeanwhile();
    }
    return changed;
  }

  /** Deletes the draft if it is still at the version the caller read. */
  public void delete(String id, Integer readVersion) {
    int version = checkVersion(readVersion);
    get(id);
    if (!drafts.delete(id, version)) {
      throw changedMeanwhile();
    }
  }

  /**
   * The id of the model's first process, once the XML is known to be a BPMN 2.0 model within the size limit and
   * without a DTD; a refusal says what to do.
   */
  static String processKeyOf(String bpmnXml) {
    if (bpmnXml == null || bpmnXml.isBlank()) {
      throw ApiException.badRequest("bpmn-required",
          "モデルの XML（bpmnXml）がありません。モデラーで図を開いてから保存してください。");
    }
    byte[] bytes = bpmnXml.getBytes(StandardCharsets.UTF_8);
    BpmnModelInstance model = readBpmn(bytes);
    Process process = model.getModelElementsByType(Process.class).stream().findFirst()
        .orElseThrow(() -> ApiException.badRequest("no-process",
            "モデルにプロセスがありません。プロセス（またはプールの中の流れ）を描いてから保存してください。"));
    if (process.getId() == null || process.getId().length() > MAX_PROCESS_KEY_LENGTH) {
      throw ApiException.badRequest("invalid-process-id",
          "プロセスの ID は1文字以上" + MAX_PROCESS_KEY_LENGTH + "文字以内にしてください。");
    }
    return process.getId();
  }

  /** Reads BPMN XML that people send, refusing what {@link #checkSafe} refuses and what is not BPMN 2.0. */
  static BpmnModelInstance readBpmn(byte[] xml) {
    checkSafe(xml);
    try {
      return ModelXml.readBpmn(xml);
    } catch (ModelXml.UnreadableModelException e) {
      throw invalidBpmn(e.getMessage());
    }
  }

  /** Refuses XML over the size limit or with a DTD, before any parser reads it. */
  static void checkSafe(byte[] xml) {
    if (xml.length > MAX_XML_BYTES) {
      throw tooLarge();
    }
    if (ModelXml.declaresDtd(new String(xml, StandardCharsets.UTF_8))) {
      throw ApiException.badRequest("dtd-not-allowed",
          "DTD（<!DOCTYPE>）を含む XML は受け付けません（外部実体の参照を防ぐため）。DOCTYPE 宣言を取り除いてからやり直してください。");
    }
  }

  static ApiException tooLarge() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "model-too-large",
        "モデルが大きすぎます（上限 " + MAX_XML_BYTES / (1024 * 1024) + " MB）。プロセスを分けてからやり直してください。");
  }

  static ApiException invalidBpmn(String reason) {
    return ApiException.badRequest("invalid-bpmn",
        "BPMN 2.0 のモデルとして読み込めません（" + reason + "）。BPMN のファイルか確かめてください。");
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name-required", "下書きの名前を入力してください。");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw ApiException.badRequest("name-too-long", "下書きの名前は" + MAX_NAME_LENGTH + "文字以内にしてください。");
    }
    return stripped;
  }

  private static int checkVersion(Integer version) {
    if (version == null) {
      throw ApiException.badRequest("version-required",
          "読み込んだときの版（version）を付けて送ってください。他の人の変更を上書きしないためです。");
    }
    return version;
  }

  private Instant now() {
    // Microseconds: what both H2 and PostgreSQL timestamps keep, so a saved draft reads back as it was.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ApiException notFound() {
    return ApiException.notFound("draft-not-found",
        "下書きが見つかりません。削除された可能性があります。モデルの一覧から開き直してください。");
  }

  private static ApiException changedMeanwhile() {
    return ApiException.conflict("draft-changed",
        "この下書きは、読み込んだあとに他の画面で保存または削除されました。画面を読み込み直して最新の内容を確かめてから、もう一度変更してください。");
  }
}
