package org.madoguchi.visit;

import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.util.control.NonFatal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's FEEL engine ({@link ScalaFeelEngine}, feel-scala 1.19.3) with its results and failures unchanged, but
 * parsing each expression and unary test once and building the table of built-in functions once.
 *
 * <p>Why: on every evaluation, {@code ScalaFeelEngine} parses the text again and feel-scala's
 * {@code FeelEngine.rootContext()} builds a new {@link BuiltinFunctions} (every built-in function). Under load
 * that was most of the CPU a proposal took. The cure needs feel-scala internals ({@link EvalContext},
 * {@link FeelInterpreter}, {@link BuiltinFunctions}), so they are kept here, in one place. Camunda 7.24 CE is the
 * last release, so this feel-scala version is fixed and these internals will not move. Everything else is the
 * superclass's own: its value mappers, custom functions, parsing and validation (through its
 * {@code feelEngine}) and its exceptions.
 *
 * <p>Thread-safe: what is shared (the parse caches, the interpreter, the value mapper, the function table) is
 * immutable or concurrent. An {@link EvalContext} collects failures in a mutable collector, so each evaluation
 * makes its own.
 */
class CachingFeelEngine extends ScalaFeelEngine {

  private final FeelEngineApi parser;
  private final ValueMapper valueMapper;
  private final FeelInterpreter interpreter;
  /** Built-in functions first, then the custom ones, as {@code FeelEngine.rootContext()} composes them. */
  private final FunctionProvider functions;
  /** Parse results, failures included, by text; expressions and unary tests parse differently. */
  private final Map<String, ParseResult> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParseResult> unaryTests = new ConcurrentHashMap<>();

  CachingFeelEngine(List<FeelCustomFunctionProvider> customFunctionProviders) {
    super(customFunctionProviders);
    parser = new FeelEngineApi(feelEngine);
    valueMapper = feelEngine.valueMapper();
    interpreter = new FeelInterpreter(valueMapper);
    functions = new CompositeFunctionProvider(
        toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParseResult parsed = expressions.computeIfAbsent(expression, parser::parseExpression);
    return (T) evaluate(parsed, new ContextVariableWrapper(variableContext));
  }

  /** The input value is in {@code variableContext} under {@code inputVariable}, which the unary tests look up. */
  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParseResult parsed = unaryTests.computeIfAbsent(expression, parser::parseUnaryTests);
    VariableProvider variables = new CompositeVariableProvider(toScalaList(
        new StaticVariableProvider(
            new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable)),
        new ContextVariableWrapper(variableContext)));
    Object result = evaluate(parsed, variables);
    // as feel-scala's unboxing: null is false, anything but a boolean a ClassCastException
    return result != null && (Boolean) result;
  }

  /** What {@code FeelEngine.evaluate} does, with the shared function table in a context of its own. */
  private Object evaluate(ParseResult parsed, VariableProvider variables) {
    if (parsed.isFailure()) {
      throw LOGGER.evaluationException(parsed.failure().message());
    }
    ParsedExpression expression = parsed.parsedExpression();
    String failure;
    try {
      EvalContext context = new EvalContext(valueMapper, variables, functions, new EvaluationFailureCollector());
      Val value = interpreter.eval(expression.expression(), context);
      String assertionFailure = assertionFailure(context);
      if (assertionFailure != null) {
        failure = "Assertion failure on evaluate the expression '" + expression.text() + "': " + assertionFailure;
      } else if (value instanceof ValError error) {
        failure = "failed to evaluate expression '" + expression.text() + "': " + error.error();
      } else if (value instanceof ValFatalError error) {
        failure = "failed to evaluate expression '" + expression.text() + "': " + error.error();
      } else {
        return valueMapper.unpackVal(value);
      }
    } catch (Throwable e) {
      if (!NonFatal.apply(e)) {
        throw e;
      }
      failure = "failed to evaluate expression '" + expression.text() + "' : " + e;
    }
    throw LOGGER.evaluationException(failure);
  }

  private static String assertionFailure(EvalContext context) {
    Iterator<EvaluationFailure> failures = context.failureCollector().failures().iterator();
    while (failures.hasNext()) {
      EvaluationFailure failure = failures.next();
      if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
        return failure.failureMessage();
      }
    }
    return null;
  }
}
