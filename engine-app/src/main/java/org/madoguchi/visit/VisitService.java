package org.madoguchi.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.madoguchi.tenant.Tenant;
import org.madoguchi.tenant.TenantDefinitions;
import org.madoguchi.tenant.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter's work on a visit: open it from what the municipality already holds, record the interview,
 * take the one signature and submit. Each step is one transaction over the visit row and the engine.
 */
@Service
public class VisitService {

  static final String INTERVIEW_TASK = "Interview";
  static final String CONFIRM_AND_SIGN_TASK = "ConfirmAndSign";
  static final int MAX_SIGNATURE_BYTES = 512 * 1024;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final LifeEventCatalog lifeEvents;
  private final RelatedProcedureDecider decider;
  private final FeelExpressions feel;
  /** Completed interview answers by visit, version and day; the oldest are dropped beyond a few thousand. */
  private final Map<String, InterviewAnswers> answersByVisitVersion = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InterviewAnswers> eldest) {
          return size() > 4_000;
        }
      });
  private final VisitRepository visits;
  private final MoveOutNoticeConnector notices;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuditLog audit;
  private final Tenants tenants;
  private final TenantDefinitions definitions;
  private final Clock clock;

  VisitService(LifeEventCatalog lifeEvents, RelatedProcedureDecider decider, FeelExpressions feel,
      VisitRepository visits, MoveOutNoticeConnector notices, RuntimeService runtimeService,
      TaskService taskService, AuditLog audit, Tenants tenants, TenantDefinitions definitions, Clock clock) {
    this.lifeEvents = lifeEvents;
    this.decider = decider;
    this.feel = feel;
    this.visits = visits;
    this.notices = notices;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.audit = audit;
    this.tenants = tenants;
    this.definitions = definitions;
    this.clock = clock;
  }

  /** Opens a visit of the signed-in staff member's municipality, from a notice sent to it. */
  @Transactional
  public Visit open(String lifeEventCode, String moveOutNoticeId) {
    Tenant tenant = tenants.current();
    LifeEvent lifeEvent = lifeEvent(lifeEventCode, tenant.code());
    if (moveOutNoticeId == null || moveOutNoticeId.isBlank()) {
      throw ApiException.badRequest("missing-move-out-notice", "転出証明書情報（moveOutNoticeId）を指定してください。");
    }
    MoveOutNotice notice = notices.find(moveOutNoticeId)
        .filter(n -> n.toMunicipalityCode().equals(tenant.code()))
        .orElseThrow(() -> ApiException.badRequest("unknown-move-out-notice",
            "指定された転出証明書情報は見つかりません。番号を確認してください。"));
    visits.findOpenVisitForNotice(notice.id()).ifPresent(open -> {
      throw ApiException.conflict("visit-already-open",
          "この転出証明書情報の来庁は既に受付中です（来庁番号 " + open + "）。");
    });
    if (!notices.isPending(tenant.code(), notice.id())) {
      throw ApiException.conflict("move-out-notice-used", "この転出証明書情報による転入は既に届出済みです。");
    }
    VisitHousehold household = VisitHousehold.from(notice);
    InterviewAnswers answers = completeAnswers(lifeEvent, household, InterviewAnswers.empty(), tenant);
    List<ProposedProcedure> proposed = propose(lifeEvent, household, answers, tenant);
    Visit visit = new Visit(UUID.randomUUID().toString(), lifeEvent.code(), tenant.code(), VisitStatus.INTERVIEW,
        notice.id(), household, null, proposed, null, CurrentStaff.get().userId(), Instant.now(clock), null, 0);
    visits.insert(visit);
    String visitProcess = definitions.latestProcess(lifeEvent.visitProcessKey(), tenant.code())
        .orElseThrow(() -> new IllegalStateException("visit process " + lifeEvent.visitProcessKey() + " is gone"))
        .getId();
    runtimeService.startProcessInstanceById(visitProcess, visit.id(),
        Map.of("visitId", visit.id(), "municipalityCode", tenant.code()));
    for (HouseholdMember member : household.members()) {
      audit.record(AuditAction.READ_MOVE_OUT_NOTICE, visit.id(), member.id(), "転出証明書情報 " + notice.id());
    }
    return visit;
  }

  @Transactional
  public Visit get(String visitId) {
    Visit visit = find(visitId);
    audit.record(AuditAction.READ_VISIT, visit.id(), null, "来庁情報の参照");
    return visit;
  }

  /** Visits of the staff member's municipality still in progress, oldest first (the visit board reads them). */
  @Transactional(readOnly = true)
  public List<Visit> inProgress() {
    return visits.findByStatusIn(List.of(VisitStatus.INTERVIEW, VisitStatus.CONFIRMATION, VisitStatus.SUBMITTED,
        VisitStatus.REGISTERED, VisitStatus.ACCEPTING), CurrentStaff.get().requireTenantId());
  }

  /** The interview answers with the defaults the data suggests, for showing before the interview is recorded. */
  @Transactional(readOnly = true)
  public InterviewAnswers currentAnswers(Visit visit) {
    // The counter and the status board poll the visit: its answers change only with its version (and the day).
    String key = visit.id() + "@" + visit.version() + "@" + LocalDate.now(clock);
    InterviewAnswers remembered = answersByVisitVersion.get(key);
    if (remembered != null) {
      return remembered;
    }
    InterviewAnswers answers = unmodifiable(completeAnswers(lifeEventOf(visit), visit.household(),
        visit.interview() == null ? InterviewAnswers.empty() : visit.interview(),
        tenants.require(visit.municipalityCode())));
    answersByVisitVersion.put(key, answers);
    return answers;
  }

  private static InterviewAnswers unmodifiable(InterviewAnswers answers) {
    Map<String, Map<String, Object>> members = new LinkedHashMap<>();
    answers.members().forEach((id, memberAnswers) ->
        members.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(memberAnswers))));
    return new InterviewAnswers(Collections.unmodifiableMap(new LinkedHashMap<>(answers.household())),
        Collections.unmodifiableMap(members));
  }

  LifeEvent lifeEventOf(Visit visit) {
    return lifeEvent(visit.lifeEvent(), visit.municipalityCode());
  }

  /** The day the life event takes effect for the registry (for a move-in, 住民となった年月日). */
  public LocalDate effectiveDate(Visit visit) {
    return referenceDate(lifeEventOf(visit), visit.household(), currentAnswers(visit));
  }

  @Transactional
  public Visit recordInterview(String visitId, InterviewAnswers submitted) {
    Visit visit = find(visitId);
    if (!visit.status().isOpenAtCounter()) {
      throw alreadySubmitted();
    }
    LifeEvent lifeEvent = lifeEventOf(visit);
    Tenant tenant = tenants.require(visit.municipalityCode());
    InterviewAnswers answers = completeAnswers(lifeEvent, visit.household(), validated(lifeEvent, visit, submitted),
        tenant);
    List<ProposedProcedure> proposed = propose(lifeEvent, visit.household(), answers, tenant);
    if (!visits.updateInterview(visit.id(), visit.version(), answers, proposed)) {
      throw concurrentChange();
    }
    if (visit.status() == VisitStatus.INTERVIEW) {
      taskService.complete(visitTask(visit.id(), INTERVIEW_TASK).getId());
    }
    audit.record(AuditAction.RECORD_INTERVIEW, visit.id(), null, "聞き取り内容の記録");
    return find(visit.id());
  }

  @Transactional
  public Visit submit(String visitId, String signaturePngBase64) {
    Visit visit = find(visitId);
    if (visit.status() == VisitStatus.INTERVIEW) {
      throw ApiException.conflict("interview-not-recorded",
          "聞き取りがまだ記録されていません。聞き取りを済ませてから署名・申請してください。");
    }
    if (visit.status() != VisitStatus.CONFIRMATION) {
      throw alreadySubmitted();
    }
    byte[] signature = decodeSignature(signaturePngBase64);
    if (!visits.submit(visit.id(), visit.version(), signature, Instant.now(clock))) {
      throw concurrentChange();
    }
    taskService.complete(visitTask(visit.id(), CONFIRM_AND_SIGN_TASK).getId());
    audit.record(AuditAction.SUBMIT_VISIT, visit.id(), null, "署名・申請（関連手続 " + visit.proposedProcedures().size() + " 件）");
    return find(visit.id());
  }

  /**
   * The visit, if the signed-in staff member's municipality holds it (an installation administrator reads every
   * municipality's); another municipality's visit is not found, so its existence does not show.
   */
  public Visit find(String visitId) {
    CurrentStaff staff = CurrentStaff.get();
    return visits.find(visitId).filter(visit -> staff.sees(visit.municipalityCode()))
        .orElseThrow(() -> ApiException.notFound("visit-not-found",
            "指定された来庁は見つかりません。来庁番号を確認してください。"));
  }

  private LifeEvent lifeEvent(String code, String municipalityCode) {
    return lifeEvents.find(code == null ? "" : code, municipalityCode)
        .orElseThrow(() -> ApiException.badRequest("unknown-life-event",
            "このライフイベントには対応していません（lifeEvent: MOVE_IN など）。"));
  }

  private Task visitTask(String visitId, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(visitId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      throw concurrentChange();
    }
    return task;
  }

  private List<ProposedProcedure> propose(LifeEvent lifeEvent, VisitHousehold household, InterviewAnswers answers,
      Tenant tenant) {
    HouseholdFacts facts = HouseholdFacts.of(household, referenceDate(lifeEvent, household, answers), typed(lifeEvent, answers));
    return decider.decide(lifeEvent, facts, tenant);
  }

  /** Checks what the counter sent against the life event's questions and the household's members. */
  private InterviewAnswers validated(LifeEvent lifeEvent, Visit visit, InterviewAnswers submitted) {
    if (submitted == null) {
      throw ApiException.badRequest("missing-answers", "聞き取りの回答がありません。");
    }
    Map<String, Object> household = new LinkedHashMap<>();
    submitted.household().forEach((key, value) ->
        household.put(key, checked(lifeEvent, visit, InterviewQuestion.Scope.HOUSEHOLD, key, value)));
    Map<String, Map<String, Object>> members = new LinkedHashMap<>();
    submitted.members().forEach((memberId, answers) -> {
      if (visit.household().member(memberId).isEmpty()) {
        throw ApiException.badRequest("unknown-member",
            "世帯にいない方（" + abbreviate(memberId) + "）の回答が含まれています。世帯員を確認してください。");
      }
      Map<String, Object> memberAnswers = new LinkedHashMap<>();
      if (answers != null) {
        answers.forEach((key, value) ->
            memberAnswers.put(key, checked(lifeEvent, visit, InterviewQuestion.Scope.MEMBER, key, value)));
      }
      members.put(memberId, memberAnswers);
    });
    return new InterviewAnswers(household, members);
  }

  private Object checked(LifeEvent lifeEvent, Visit visit, InterviewQuestion.Scope scope, String key, Object value) {
    InterviewQuestion question = lifeEvent.questions().stream()
        .filter(q -> q.scope() == scope && q.key().equals(key)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("unknown-question",
            "聞き取り項目「" + abbreviate(key) + "」はありません。"));
    String label = question.label().ja();
    return switch (question.type()) {
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw invalidAnswer(label + "は「はい」か「いいえ」（true / false）で答えてください。");
        }
        yield value;
      }
      case DATE -> {
        LocalDate date;
        try {
          date = LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
          throw invalidAnswer(label + "は日付（例: 2026-04-01）で答えてください。");
        }
        if (question.notAfterToday() && date.isAfter(LocalDate.now(clock))) {
          throw invalidAnswer(label + "に未来の日付は指定できません。");
        }
        yield date.toString();
      }
      case MEMBER -> {
        if (!(value instanceof String memberId) || visit.household().member(memberId).isEmpty()) {
          throw invalidAnswer(label + "は世帯員の中から選んでください。");
        }
        yield memberId;
      }
      case TEXT -> {
        if (!(value instanceof String text) || text.length() > 200) {
          throw invalidAnswer(label + "は200文字以内の文字で答えてください。");
        }
        yield text;
      }
    };
  }

  /**
   * Fills in what the counter did not answer with the defaults the data suggests, and drops answers to
   * questions that do not apply to a member (a child is not asked about pensions).
   */
  private InterviewAnswers completeAnswers(LifeEvent lifeEvent, VisitHousehold household, InterviewAnswers given,
      Tenant tenant) {
    Map<String, Object> settings = tenant.settings();
    LocalDate referenceDate = referenceDate(lifeEvent, household, given);
    HouseholdFacts facts = HouseholdFacts.of(household, referenceDate, null);
    Map<String, Object> householdAnswers = new LinkedHashMap<>();
    for (InterviewQuestion q : lifeEvent.questions()) {
      if (q.scope() == InterviewQuestion.Scope.HOUSEHOLD && feel.test(q.askWhen(), facts.householdContext(settings))) {
        Object value = given.household().containsKey(q.key()) ? given.household().get(q.key())
            : defaultValue(q, facts.householdContext(settings));
        householdAnswers.put(q.key(), value);
      }
    }
    Map<String, Map<String, Object>> memberAnswers = new LinkedHashMap<>();
    for (String memberId : facts.memberIds()) {
      Map<String, Object> answers = new LinkedHashMap<>();
      for (InterviewQuestion q : lifeEvent.questions()) {
        Map<String, Object> context = facts.contextFor(memberId, settings);
        if (q.scope() == InterviewQuestion.Scope.MEMBER && feel.test(q.askWhen(), context)) {
          Map<String, Object> givenForMember = given.forMember(memberId);
          answers.put(q.key(), givenForMember.containsKey(q.key()) ? givenForMember.get(q.key())
              : defaultValue(q, context));
        }
      }
      memberAnswers.put(memberId, answers);
    }
    return new InterviewAnswers(householdAnswers, memberAnswers);
  }

  private Object defaultValue(InterviewQuestion question, Map<String, Object> context) {
    if (question.defaultValue() == null) {
      return question.type() == InterviewQuestion.Type.BOOLEAN ? Boolean.FALSE : null;
    }
    Object value = feel.evaluate(question.defaultValue(), context);
    return value instanceof LocalDate date ? date.toString() : value;
  }

  /** Answers as the decision reads them: dates as dates. */
  private static InterviewAnswers typed(LifeEvent lifeEvent, InterviewAnswers answers) {
    Map<String, Object> household = new LinkedHashMap<>(answers.household());
    for (InterviewQuestion q : lifeEvent.questions()) {
      if (q.type() == InterviewQuestion.Type.DATE && household.get(q.key()) instanceof String text) {
        household.put(q.key(), LocalDate.parse(text));
      }
    }
    return new InterviewAnswers(household, answers.members());
  }

  /** The day ages are counted on: the answer to the life event's reference-date question, else the planned day. */
  LocalDate referenceDate(LifeEvent lifeEvent, VisitHousehold household, InterviewAnswers answers) {
    Object answered = lifeEvent.referenceDateQuestion() == null ? null
        : answers.household().get(lifeEvent.referenceDateQuestion());
    if (answered != null) {
      return LocalDate.parse(answered.toString());
    }
    LocalDate planned = household.plannedMoveDate();
    LocalDate today = LocalDate.now(clock);
    return planned == null || planned.isAfter(today) ? today : planned;
  }

  private static byte[] decodeSignature(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw ApiException.badRequest("missing-signature", "署名がありません。署名欄に署名してから申請してください。");
    }
    if (base64.length() > MAX_SIGNATURE_BYTES * 4 / 3 + 4) {
      throw ApiException.badRequest("invalid-signature", "署名の画像が大きすぎます（512KB まで）。");
    }
    byte[] png;
    try {
      png = Base64.getDecoder().decode(base64.replaceFirst("^data:image/png;base64,", ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid-signature", "署名の画像を読み取れません（PNG を Base64 で送ってください）。");
    }
    if (png.length < PNG_SIGNATURE.length + 12
        || !java.util.Arrays.equals(java.util.Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      throw ApiException.badRequest("invalid-signature", "署名の画像が PNG 形式ではありません。");
    }
    if (png.length > MAX_SIGNATURE_BYTES) {
      throw ApiException.badRequest("invalid-signature", "署名の画像が大きすぎます（512KB まで）。");
    }
    return png;
  }

  private static ApiException invalidAnswer(String message) {
    return ApiException.badRequest("invalid-answer", message);
  }

  private static ApiException alreadySubmitted() {
    return ApiException.conflict("visit-already-submitted", "この来庁は既に署名・申請済みです。");
  }

  private static ApiException concurrentChange() {
    return ApiException.conflict("concurrent-change",
        "他の操作と同時に更新されました。画面を更新してからやり直してください。");
  }

  /** Echoes a caller's identifier in a message without letting a long or odd value through. */
  private static String abbreviate(String value) {
    String safe = value == null ? "" : value.replaceAll("[^\\p{L}\\p{N}_-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
  }
}
