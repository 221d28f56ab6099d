package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CachingFeelEngine} answers as Camunda's {@link ScalaFeelEngine} does, for the FEEL the decisions and the
 * life event definitions use. Each case is evaluated twice on the caching engine, so the second answer comes from
 * the parse cache.
 */
class CachingFeelEngineTest {

  private static final String INPUT = "cellInput";

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final CachingFeelEngine caching = new CachingFeelEngine(List.of());

  static Stream<Arguments> expressions() {
    return Stream.of(
        // the decision's input expressions and output entries
        Arguments.of("member.age", 40L),
        Arguments.of("member.employerHealthInsurance", false),
        Arguments.of("member.id != null and member.id = household.mainSupporterMemberId", true),
        Arguments.of("count(household.members[item.ageAtSchoolYearStart < 18])", 2L),
        Arguments.of("member.ageAtSchoolYearStart < tenant.childMedicalSubsidyAgeLimit", false),
        Arguments.of("\"nhi-enrollment\"", "nhi-enrollment"),
        Arguments.of("\"子ども医療費助成の対象年齢（\" + string(tenant.childMedicalSubsidyAgeLimit) + \"歳到達後最初の3月31日まで）のため\"",
            "子ども医療費助成の対象年齢（18歳到達後最初の3月31日まで）のため"),
        // the life event's conditions and defaults, and a procedure's listed members
        Arguments.of("count(household.members[item.ageAtSchoolYearStart < 18]) > 0", true),
        Arguments.of("member.age < 75", true),
        Arguments.of("member.ageReached >= 20 and member.ageReached < 60", true),
        Arguments.of("member.age >= 15 and member.age < 75", true),
        Arguments.of("member.ageAtSchoolYearStart >= 6 and member.ageAtSchoolYearStart < 15", false),
        Arguments.of("member.ageAtSchoolYearStart < 18", false),
        Arguments.of("not(member.nhiInsured) and not(member.lateStageElderlyInsured)", false),
        Arguments.of("not(member.nationalPensionInsured)", true),
        Arguments.of("household.plannedMoveDate", LocalDate.of(2025, 4, 1)),
        Arguments.of("household.headMemberId", "m1"),
        Arguments.of("false", false),
        // numbers, strings, lists, contexts
        Arguments.of("10 / 4", 2.5),
        Arguments.of("member.age / 0", null),
        Arguments.of("sum(household.members.age)", 57L),
        Arguments.of("household.members[item.age < 18].id", List.of("m2", "m3")),
        Arguments.of("household.members[1].id", "m1"),
        Arguments.of("[1, 2, 3][item > 1]", List.of(2L, 3L)),
        Arguments.of("append([\"a\"], \"b\")", List.of("a", "b")),
        Arguments.of("{a: 1, b: {c: \"x\"}}.b.c", "x"),
        Arguments.of("get value({a: 1}, \"a\")", 1L),
        Arguments.of("upper case(household.headMemberId)", "M1"),
        Arguments.of("contains(\"madoguchi\", \"guchi\")", true),
        Arguments.of("string length(\"窓口\")", 2L),
        Arguments.of("if member.age >= 18 then \"adult\" else \"child\"", "adult"),
        Arguments.of("some m in household.members satisfies m.age >= 65", false),
        Arguments.of("every m in household.members satisfies m.age >= 0", true),
        Arguments.of("member.age in [6..15]", false),
        // dates and their arithmetic
        Arguments.of("household.plannedMoveDate + duration(\"P1M\")", LocalDate.of(2025, 5, 1)),
        Arguments.of("household.referenceDate - household.plannedMoveDate", Duration.ofDays(9)),
        Arguments.of("years and months duration(date(\"2000-05-10\"), household.referenceDate)", Period.of(24, 11, 0)),
        Arguments.of("date(\"2025-03-31\") < household.plannedMoveDate", true),
        Arguments.of("household.referenceDate.year", 2025L),
        Arguments.of("today() > date(\"2020-01-01\")", true),
        // nulls and what is missing
        Arguments.of("household.movedOutOn", null),
        Arguments.of("household.movedOutOn = null", true),
        Arguments.of("household.movedOutOn > date(\"2020-01-01\")", null),
        Arguments.of("member.noSuchFact", null),
        Arguments.of("noSuchVariable", null),
        Arguments.of("unknownFunction(member.age)", null),
        Arguments.of("null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void evaluatesExpressionsAsCamundaDoes(String expression, Object expected) {
    // given a member of 40 in a household with two children
    VariableMap variables = memberOfFortyWithTwoChildren();

    // when
    Object reference = camunda.evaluateSimpleExpression(expression, variables.asVariableContext());
    Object first = caching.evaluateSimpleExpression(expression, variables.asVariableContext());
    Object cached = caching.evaluateSimpleExpression(expression, variables.asVariableContext());

    // then
    assertThat(reference).isEqualTo(expected);
    assertThat(first).isEqualTo(reference);
    assertThat(cached).isEqualTo(reference);
  }

  static Stream<Arguments> unaryTests() {
    return Stream.of(
        Arguments.of("< 65", 40L, true),
        Arguments.of("< 65", 65L, false),
        Arguments.of("< 65", null, false),
        Arguments.of(">= 75", 75L, true),
        Arguments.of("[65..75)", 65L, true),
        Arguments.of("[65..75)", 75L, false),
        Arguments.of("[6..15]", 15L, true),
        Arguments.of("[6..15]", 16L, false),
        Arguments.of("not([6..15])", 10L, false),
        Arguments.of("not(< 65)", 70L, true),
        Arguments.of("1, 2, 3", 2L, true),
        Arguments.of("1, 2, 3", 4L, false),
        Arguments.of("true", true, true),
        Arguments.of("true", false, false),
        Arguments.of("true", null, false),
        Arguments.of("false", false, true),
        Arguments.of("-", null, true),
        Arguments.of("\"a\", \"b\"", "b", true),
        Arguments.of("not(\"a\")", "b", true),
        Arguments.of("null", null, true),
        Arguments.of("> date(\"2025-01-01\")", LocalDate.of(2025, 4, 1), true),
        Arguments.of("[date(\"2025-01-01\")..date(\"2025-03-31\")]", LocalDate.of(2025, 4, 1), false),
        Arguments.of("< tenant.childMedicalSubsidyAgeLimit", 17L, true),
        Arguments.of("? < member.age", 39L, true),
        Arguments.of("count(?) = 2", List.of("a", "b"), true),
        Arguments.of("member.age", 40L, true));
  }

  @ParameterizedTest(name = "{1} matches {0}: {2}")
  @MethodSource("unaryTests")
  void evaluatesUnaryTestsAsCamundaDoes(String unaryTests, Object input, boolean expected) {
    // given the input where the DMN engine puts it, beside a member of 40
    VariableMap variables = memberOfFortyWithTwoChildren().putValue(INPUT, input);

    // when
    boolean reference = camunda.evaluateSimpleUnaryTests(unaryTests, INPUT, variables.asVariableContext());
    boolean first = caching.evaluateSimpleUnaryTests(unaryTests, INPUT, variables.asVariableContext());
    boolean cached = caching.evaluateSimpleUnaryTests(unaryTests, INPUT, variables.asVariableContext());

    // then
    assertThat(reference).isEqualTo(expected);
    assertThat(first).isEqualTo(reference);
    assertThat(cached).isEqualTo(reference);
  }

  @Test
  void readsTheInputUnderTheNameTheDecisionDeclares() {
    // given an input entry whose input is named "age" (camunda:inputVariable), with another value as "cellInput"
    VariableContext variables = memberOfFortyWithTwoChildren().putValue("age", 70L).putValue(INPUT, 40L)
        .asVariableContext();

    // when
    boolean reference = camunda.evaluateSimpleUnaryTests(">= 65", "age", variables);
    boolean caching = this.caching.evaluateSimpleUnaryTests(">= 65", "age", variables);

    // then
    assertThat(reference).isTrue();
    assertThat(caching).isTrue();
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("member.age +", "failed to parse expression 'member.age +'"),
        Arguments.of("? < member.age", "failed to evaluate expression '? < member.age': No input value available."),
        Arguments.of("assert(member.age, member.age > 100)",
            "Assertion failure on evaluate the expression 'assert(member.age, member.age > 100)'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failsAsCamundaDoes(String expression, String message) {
    // given
    VariableMap variables = memberOfFortyWithTwoChildren();

    // when
    Throwable reference = catchThrowable(() -> camunda.evaluateSimpleExpression(expression, variables.asVariableContext()));
    Throwable first = catchThrowable(() -> caching.evaluateSimpleExpression(expression, variables.asVariableContext()));
    Throwable cached = catchThrowable(() -> caching.evaluateSimpleExpression(expression, variables.asVariableContext()));

    // then
    assertThat(reference).isInstanceOf(FeelException.class).hasMessageContaining(message);
    assertThat(first).isInstanceOf(FeelException.class).hasMessage(reference.getMessage());
    assertThat(cached).isInstanceOf(FeelException.class).hasMessage(reference.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedUnaryTests")
  void failsOnMalformedUnaryTestsAsCamundaDoes(String unaryTests) {
    // given
    VariableMap variables = memberOfFortyWithTwoChildren().putValue(INPUT, 40L);

    // when
    Throwable reference = catchThrowable(() -> camunda.evaluateSimpleUnaryTests(unaryTests, INPUT, variables.asVariableContext()));

    // then
    assertThat(reference).isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression");
    assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests(unaryTests, INPUT, variables.asVariableContext()))
        .isInstanceOf(FeelException.class).hasMessage(reference.getMessage());
  }

  static Stream<String> malformedUnaryTests() {
    return Stream.of("[1..", "< <");
  }

  /** The facts {@link HouseholdFacts} gives a decision for a parent of 40 with children of 8 and 9. */
  static VariableMap memberOfFortyWithTwoChildren() {
    Map<String, Object> parent = member("m1", 40, 40, 40);
    parent.put("nhiInsured", true);
    parent.put("employerHealthInsurance", false);
    List<Map<String, Object>> members = new ArrayList<>(Arrays.asList(parent, member("m2", 8, 8, 7),
        member("m3", 9, 9, 9)));
    Map<String, Object> household = new LinkedHashMap<>();
    household.put("headMemberId", "m1");
    household.put("mainSupporterMemberId", "m1");
    household.put("plannedMoveDate", LocalDate.of(2025, 4, 1));
    household.put("movedOutOn", null);
    household.put("referenceDate", LocalDate.of(2025, 4, 10));
    household.put("members", members);
    return Variables.createVariables()
        .putValue("member", parent)
        .putValue("household", household)
        .putValue("tenant", Map.of("childMedicalSubsidyAgeLimit", 18));
  }

  private static Map<String, Object> member(String id, int age, int ageReached, int ageAtSchoolYearStart) {
    Map<String, Object> member = new HashMap<>();
    member.put("id", id);
    member.put("age", age);
    member.put("ageReached", ageReached);
    member.put("ageAtSchoolYearStart", ageAtSchoolYearStart);
    member.put("lateStageElderlyInsured", false);
    member.put("nationalPensionInsured", false);
    return member;
  }
}
