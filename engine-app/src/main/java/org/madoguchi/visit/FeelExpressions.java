package org.madoguchi.visit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Evaluates the FEEL expressions of life event definitions (interview defaults and conditions) with the
 * FEEL engine the decisions use (feel-scala, as Camunda's DMN engine embeds it). Each expression is parsed
 * once: parsing, not evaluating, was most of the cost when every visit view evaluated some fifty of them.
 */
@Component
class FeelExpressions {

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

  Object evaluate(String expression, Map<String, Object> context) {
    EvaluationResult result = engine.evaluate(parsed.computeIfAbsent(expression, this::parse), context);
    if (result.isFailure()) {
      throw new IllegalStateException("FEEL expression '" + expression + "' failed: " + result.failure().message());
    }
    return result.result();
  }

  boolean test(String expression, Map<String, Object> context) {
    return expression == null || Boolean.TRUE.equals(evaluate(expression, context));
  }

  private ParsedExpression parse(String expression) {
    ParseResult result = engine.parseExpression(expression);
    if (result.isFailure()) {
      throw new IllegalArgumentException("not a FEEL expression: '" + expression + "': " + result.failure().message());
    }
    return result.parsedExpression();
  }
}
