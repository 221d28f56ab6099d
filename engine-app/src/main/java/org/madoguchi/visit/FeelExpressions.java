package org.madoguchi.visit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Evaluates the FEEL expressions of life event definitions (interview defaults and conditions) with the
 * same FEEL engine the decisions use, through the public DMN API: each expression becomes a literal
 * expression decision, parsed once.
 */
@Component
class FeelExpressions {

  private final DmnEngine dmnEngine;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  FeelExpressions(DmnEngine dmnEngine) {
    this.dmnEngine = dmnEngine;
  }

  Object evaluate(String expression, Map<String, Object> context) {
    DmnDecision decision = parsed.computeIfAbsent(expression, this::parse);
    return dmnEngine.evaluateDecision(decision, Variables.fromMap(context)).getSingleEntry();
  }

  boolean test(String expression, Map<String, Object> context) {
    return expression == null || Boolean.TRUE.equals(evaluate(expression, context));
  }

  private DmnDecision parse(String expression) {
    String xml = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions" name="expression"
                     namespace="https://madoguchi.org/feel">
          <decision id="expression" name="expression">
            <variable name="value"/>
            <literalExpression><text>%s</text></literalExpression>
          </decision>
        </definitions>""".formatted(HtmlUtils.htmlEscape(expression));
    return dmnEngine.parseDecision("expression", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
