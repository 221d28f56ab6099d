package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/**
 * The proposal DMN engine on {@link CachingFeelEngine}, and {@link FeelExpressions} on it, answer as before for the
 * move-in models: the decision {@code move-in-related-procedures} as Camunda's default DMN engine decides it, the
 * life event's conditions and defaults as feel-scala's own API evaluated them, and the same from many threads.
 */
class CachingFeelEngineOnMoveInModelsTest {

  private static final String DECISION = "dmn/move-in-related-procedures.dmn";
  private static final String LIFE_EVENT = "lifeevents/move-in.json";
  private static final LocalDate MOVE_IN = LocalDate.of(2025, 4, 10);
  private static final Map<String, Object> TENANT = Map.of("childMedicalSubsidyAgeLimit", 15,
      "localGovernmentCode", "462012");

  private final CachingFeelEngine feel = new CachingFeelEngine(List.of());
  private final DmnEngine proposalEngine = new VisitConfiguration().proposalDmnEngine(feel);
  private final DmnEngine defaultEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Test
  void decidesTheMoveInAsTheDefaultEngine() {
    // given a household of five
    HouseholdFacts facts = householdOfFive();

    // when
    Map<String, List<Map<String, Object>>> byDefault = decide(defaultEngine, facts);
    Map<String, List<Map<String, Object>>> onCachingFeel = decide(proposalEngine, facts);

    // then every member has the same procedures, with the same reasons, in the same order
    assertThat(onCachingFeel).isEqualTo(byDefault);
    assertThat(procedures(byDefault.get("grandmother")))
        .containsExactly("late-stage-elderly-medical", "long-term-care", "card-continuation");
    assertThat(procedures(byDefault.get("father")))
        .containsExactly("nhi-enrollment", "national-pension", "child-allowance", "seal-registration");
    assertThat(procedures(byDefault.get("mother"))).isEmpty();
    assertThat(procedures(byDefault.get("son")))
        .containsExactly("nhi-enrollment", "child-medical-subsidy", "school-enrollment");
    assertThat(byDefault.get("son")).extracting(result -> result.get("reason")).containsExactly(
        "勤務先の健康保険に加入していない75歳未満のため", "子ども医療費助成の対象年齢（15歳到達後最初の3月31日まで）のため",
        "学齢（中学校）のため");
    assertThat(procedures(byDefault.get("daughter")))
        .containsExactly("nhi-enrollment", "child-medical-subsidy", "school-enrollment");
  }

  @Test
  void evaluatesTheLifeEventsExpressionsAsFeelScalasApi() {
    // given the move-in's conditions and defaults, feel-scala's API as FeelExpressions used it before, and a household
    List<String> expressions = lifeEventExpressions();
    FeelEngineApi api = FeelEngineBuilder.forJava().build();
    FeelExpressions onCachingFeel = new FeelExpressions(feel);
    HouseholdFacts facts = householdOfFive();
    List<Map<String, Object>> contexts = new ArrayList<>();
    contexts.add(facts.householdContext(TENANT));
    facts.memberIds().forEach(id -> contexts.add(facts.contextFor(id, TENANT)));

    for (String expression : expressions) {
      for (Map<String, Object> context : contexts) {
        // when
        EvaluationResult before = api.evaluateExpression(expression, context);
        Object now = onCachingFeel.evaluate(expression, context);

        // then
        assertThat(before.isSuccess()).as(expression).isTrue();
        assertThat(now).as(expression + " for " + context.get("member")).isEqualTo(before.result());
      }
    }
    assertThat(expressions).hasSize(13).contains("household.plannedMoveDate", "member.age < 75");
    assertThat(onCachingFeel.evaluate("household.plannedMoveDate", contexts.get(0))).isEqualTo(MOVE_IN);
    assertThat(onCachingFeel.test("member.age < 75", facts.contextFor("grandmother", TENANT))).isFalse();
    assertThat(onCachingFeel.test("member.age < 75", facts.contextFor("father", TENANT))).isTrue();
  }

  @Test
  void answersManyThreadsAsOne() throws Exception {
    // given the answers for a household, decided on Camunda's default engine
    HouseholdFacts facts = householdOfFive();
    Map<String, List<Map<String, Object>>> expected = decide(defaultEngine, facts);
    FeelExpressions expressions = new FeelExpressions(feel);
    String condition = "count(household.members[item.ageAtSchoolYearStart < 18]) > 0";
    DmnDecision decision = parse(proposalEngine);
    int threads = 8;
    int rounds = 50;

    // when eight threads, started together on the cold caches, each decide and evaluate fifty times
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Object>>> answers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      answers.add(pool.submit(() -> {
        start.await();
        List<Object> answered = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          answered.add(decide(proposalEngine, decision, facts));
          answered.add(expressions.test(condition, facts.householdContext(TENANT)));
        }
        return answered;
      }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    // then every thread had every answer right
    for (Future<List<Object>> answered : answers) {
      assertThat(answered.get()).hasSize(2 * rounds).allSatisfy(answer -> {
        if (answer instanceof Boolean holds) {
          assertThat(holds).isTrue();
        } else {
          assertThat(answer).isEqualTo(expected);
        }
      });
    }
  }

  /**
   * A grandmother of 76 holding a My Number card; a father of 41, the main supporter, outside employer insurance,
   * who wants a seal registered; a mother of 39 covered by her employer; a son of 13 and a daughter of 7.
   */
  static HouseholdFacts householdOfFive() {
    List<HouseholdMember> members = List.of(
        member("grandmother", LocalDate.of(1948, 6, 1), "母", false, new StatusFlags(false, true, false, false, false,
            true)),
        member("father", LocalDate.of(1983, 7, 15), "世帯主", true, new StatusFlags(true, false, false, true, false,
            false)),
        member("mother", LocalDate.of(1985, 11, 3), "妻", false, StatusFlags.NONE),
        member("son", LocalDate.of(2011, 9, 20), "子", false, StatusFlags.NONE),
        member("daughter", LocalDate.of(2017, 12, 24), "子", false, StatusFlags.NONE));
    VisitHousehold household = new VisitHousehold("462012", "鹿児島市", "鹿児島市山下町11番1号", LocalDate.of(2025, 3, 31),
        MOVE_IN, "8920816", "鹿児島市山下町1番1号", null, members);
    Map<String, Map<String, Object>> memberAnswers = new LinkedHashMap<>();
    memberAnswers.put("grandmother", Map.of("wantsSealRegistration", false));
    memberAnswers.put("father", Map.of("employerHealthInsurance", false, "employeePension", false,
        "wantsSealRegistration", true));
    memberAnswers.put("mother", Map.of("employerHealthInsurance", true, "employeePension", true,
        "wantsSealRegistration", false));
    memberAnswers.put("son", Map.of("employerHealthInsurance", false));
    memberAnswers.put("daughter", Map.of("employerHealthInsurance", false));
    InterviewAnswers answers = new InterviewAnswers(
        Map.of("moveInDate", MOVE_IN, "mainSupporterMemberId", "father"), memberAnswers);
    return HouseholdFacts.of(household, MOVE_IN, answers);
  }

  /** Each member's results, as {@link RelatedProcedureDecider} asks for them. */
  static Map<String, List<Map<String, Object>>> decide(DmnEngine engine, DmnDecision decision, HouseholdFacts facts) {
    Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
    for (String memberId : facts.memberIds()) {
      results.put(memberId, engine.evaluateDecision(decision,
          Variables.fromMap(facts.contextFor(memberId, TENANT))).getResultList());
    }
    return results;
  }

  static DmnDecision parse(DmnEngine engine) {
    try (InputStream model = CachingFeelEngineOnMoveInModelsTest.class.getClassLoader().getResourceAsStream(DECISION)) {
      return engine.parseDecision("move-in-related-procedures", model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<Map<String, Object>>> decide(DmnEngine engine, HouseholdFacts facts) {
    return decide(engine, parse(engine), facts);
  }

  private static List<Object> procedures(List<Map<String, Object>> results) {
    return results.stream().map(result -> result.get("procedure")).toList();
  }

  private static HouseholdMember member(String id, LocalDate birthDate, String relationship, boolean head,
      StatusFlags flags) {
    return new HouseholdMember(id, new PersonName("薩摩", id, "サツマ", id), birthDate, Sex.FEMALE, relationship, head,
        flags);
  }

  /** Every {@code askWhen} and {@code default} of the move-in life event, and a procedure's listed members. */
  private static List<String> lifeEventExpressions() {
    try (InputStream definition = CachingFeelEngineOnMoveInModelsTest.class.getClassLoader()
        .getResourceAsStream(LIFE_EVENT)) {
      List<String> expressions = new ArrayList<>();
      for (JsonNode question : new ObjectMapper().readTree(definition).get("questions")) {
        for (String field : List.of("askWhen", "default")) {
          if (question.hasNonNull(field)) {
            expressions.add(question.get(field).asText());
          }
        }
      }
      expressions.add("member.ageAtSchoolYearStart < 18");
      return expressions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
