package org.madoguchi.visit;

import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the FEEL expressions of life event definitions (interview defaults and conditions) on the FEEL
 * engine the proposals' decisions use, so that both read the facts alike. That engine parses each expression
 * once: parsing, not evaluating, was most of the cost when every visit view evaluated some fifty of them.
 */
@Component
class FeelExpressions {

  private final CachingFeelEngine engine;

  FeelExpressions(CachingFeelEngine engine) {
    this.engine = engine;
  }

  /** @throws FeelException naming the expression, when it does not parse or its evaluation fails */
  Object evaluate(String expression, Map<String, Object> context) {
    return engine.evaluateSimpleExpression(expression, Variables.fromMap(context).asVariableContext());
  }

  boolean test(String expression, Map<String, Object> context) {
    return expression == null || Boolean.TRUE.equals(evaluate(expression, context));
  }
}
