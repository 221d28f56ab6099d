package org.madoguchi.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.madoguchi.bpr.lint.BpmnLinter;
import org.madoguchi.bpr.lint.LintIssue;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded bundle before anything is deployed: every file parses, has no DTD (so no external
 * entity can be resolved), every executable process and decision keeps its history for a set time, the
 * decisions, called processes, forms and delegates a process refers to exist, no script runs unless an
 * administrator allows scripts, and the models pass the lint rules the web modeler checks ({@link BpmnLinter}):
 * their errors are problems, their warnings are reported beside the summary. Each finding names its file and element.
 */
@Component
class BundleValidator {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");

  private final RepositoryService repositoryService;
  private final ApplicationContext beans;
  private final ObjectMapper json;
  private final DeployedForms deployedForms;

  BundleValidator(RepositoryService repositoryService, ApplicationContext beans, ObjectMapper json,
      DeployedForms deployedForms) {
    this.repositoryService = repositoryService;
    this.beans = beans;
    this.json = json;
    this.deployedForms = deployedForms;
  }

  /** What the check found: problems block the deployment, warnings do not. */
  record Findings(List<BundleProblem> problems, List<BundleProblem> warnings) {
  }

  Findings validate(List<BundleFile> files, boolean scriptsAllowed) {
    List<BundleProblem> problems = new ArrayList<>();
    List<BundleProblem> warnings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<BpmnModelInstance> processes = new ArrayList<>();
    List<String> processFiles = new ArrayList<>();
    Set<String> bundleDecisions = new HashSet<>();
    Set<String> bundleProcesses = new HashSet<>();
    Set<String> bundleForms = new HashSet<>();
    for (BundleFile file : files) {
      String name = file.name();
      if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
        problems.add(new BundleProblem(String.valueOf(name), null,
            "ファイル名に使えない文字があります（英数字・. _ - のみ、フォルダは指定できません）。"));
        continue;
      }
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        problems.add(new BundleProblem(name, null, "同じ名前のファイルが2つあります。"));
        continue;
      }
      if (file.kind() == BundleFile.Kind.UNKNOWN) {
        problems.add(new BundleProblem(name, null, "BPMN（.bpmn）、DMN（.dmn）、フォーム（.form）以外は配置できません。"));
        continue;
      }
      if (file.kind() != BundleFile.Kind.FORM && ModelXml.declaresDtd(file.text())) {
        problems.add(new BundleProblem(name, null, "DTD（<!DOCTYPE>）を含むファイルは配置できません（外部実体の参照を防ぐため）。"));
        continue;
      }
      switch (file.kind()) {
        case BPMN -> {
          BpmnModelInstance model = parseBpmn(file, problems);
          if (model != null) {
            processes.add(model);
            processFiles.add(name);
            model.getModelElementsByType(Process.class).forEach(p -> bundleProcesses.add(p.getId()));
          }
        }
        case DMN -> {
          DmnModelInstance model = parseDmn(file, problems);
          if (model != null) {
            model.getModelElementsByType(Decision.class).forEach(d -> bundleDecisions.add(d.getId()));
          }
        }
        case FORM -> checkForm(file, problems).ifPresent(bundleForms::add);
        default -> throw new IllegalStateException("unreachable");
      }
    }
    for (int i = 0; i < processes.size(); i++) {
      checkProcess(processFiles.get(i), processes.get(i), bundleDecisions, bundleProcesses, scriptsAllowed, problems);
      lint(processFiles.get(i), processes.get(i), problems, warnings);
    }
    checkFormReferences(processFiles, processes, bundleForms, problems);
    return new Findings(problems, warnings);
  }

  private BpmnModelInstance parseBpmn(BundleFile file, List<BundleProblem> problems) {
    try {
      BpmnModelInstance model = ModelXml.readBpmn(file.content());
      List<Process> executable = model.getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable).toList();
      if (executable.isEmpty()) {
        problems.add(new BundleProblem(file.name(), null, "実行可能なプロセス（isExecutable=\"true\"）がありません。"));
      }
      for (Process process : executable) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(new BundleProblem(file.name(), process.getId(),
              "履歴の保存期間（camunda:historyTimeToLive）が設定されていません。"));
        }
      }
      return model;
    } catch (ModelXml.UnreadableModelException e) {
      problems.add(new BundleProblem(file.name(), null, "BPMN として読み込めません: " + e.getMessage()));
      return null;
    }
  }

  private DmnModelInstance parseDmn(BundleFile file, List<BundleProblem> problems) {
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(new BundleProblem(file.name(), decision.getId(),
              "履歴の保存期間（camunda:historyTimeToLive）が設定されていません。"));
        }
      }
      return model;
    } catch (ModelException | IllegalArgumentException e) {
      problems.add(new BundleProblem(file.name(), null, "DMN として読み込めません: " + ModelXml.firstLine(e)));
      return null;
    }
  }

  /** The form's id, when the file is a form. */
  private Optional<String> checkForm(BundleFile file, List<BundleProblem> problems) {
    try {
      JsonNode form = json.readTree(file.content());
      if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
        problems.add(new BundleProblem(file.name(), null, "フォームには id と components が必要です。"));
        return Optional.empty();
      }
      return Optional.of(form.path("id").asText());
    } catch (java.io.IOException e) {
      problems.add(new BundleProblem(file.name(), null, "フォーム（JSON）として読み込めません。"));
      return Optional.empty();
    }
  }

  private static void lint(String file, BpmnModelInstance model, List<BundleProblem> problems,
      List<BundleProblem> warnings) {
    for (LintIssue issue : BpmnLinter.lint(model)) {
      (issue.isError() ? problems : warnings).add(new BundleProblem(file, issue.elementId(), issue.rule(),
          issue.message()));
    }
  }

  /**
   * Every user task's {@code camunda:formRef} names a form of the bundle or, unless it is bound to its own deployment
   * ({@code camunda:formRefBinding="deployment"}), a form already deployed. Deployed forms are looked up only when
   * the bundle lacks one.
   */
  private void checkFormReferences(List<String> files, List<BpmnModelInstance> models, Set<String> bundleForms,
      List<BundleProblem> problems) {
    Set<String> deployed = null;
    for (int i = 0; i < models.size(); i++) {
      for (UserTask task : models.get(i).getModelElementsByType(UserTask.class)) {
        String form = task.getCamundaFormRef();
        if (form == null || form.contains("${") || bundleForms.contains(form)) {
          continue;
        }
        boolean ownDeployment = "deployment".equals(task.getCamundaFormRefBinding());
        if (!ownDeployment && deployed == null) {
          deployed = deployedForms.latest().ids();
        }
        if (ownDeployment) {
          problems.add(new BundleProblem(files.get(i), task.getId(), "参照しているフォーム「" + form
              + "」がこのファイルの組にありません（formRefBinding=\"deployment\" のため、同じ組に入れてください）。"));
        } else if (!deployed.contains(form)) {
          problems.add(new BundleProblem(files.get(i), task.getId(), "参照しているフォーム「" + form
              + "」がありません。フォーム（.form）を一緒に配置してください。"));
        }
      }
    }
  }

  private void checkProcess(String file, BpmnModelInstance model, Set<String> bundleDecisions,
      Set<String> bundleProcesses, boolean scriptsAllowed, List<BundleProblem> problems) {
    if (!scriptsAllowed) {
      model.getModelElementsByType(ScriptTask.class).forEach(task -> problems.add(new BundleProblem(file,
          task.getId(), "スクリプトタスクは管理者が許可した場合（allowScripts=true）のみ配置できます。")));
      model.getModelElementsByType(CamundaScript.class).forEach(script -> problems.add(new BundleProblem(file,
          elementOf(script), "スクリプト（リスナー・入出力）は管理者が許可した場合のみ配置できます。")));
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decision = task.getCamundaDecisionRef();
      if (decision != null && !decision.contains("${") && !bundleDecisions.contains(decision)
          && repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).count() == 0) {
        problems.add(new BundleProblem(file, task.getId(), "参照している判定表「" + decision + "」がありません。"));
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (called != null && !called.contains("${") && !bundleProcesses.contains(called)
          && repositoryService.createProcessDefinitionQuery().processDefinitionKey(called).count() == 0) {
        problems.add(new BundleProblem(file, call.getId(), "呼び出しているプロセス「" + called + "」がありません。"));
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String expression = task.getCamundaDelegateExpression();
      Matcher bean = expression == null ? null : BEAN_EXPRESSION.matcher(expression);
      if (bean != null && bean.matches() && !beans.containsBean(bean.group(1))) {
        problems.add(new BundleProblem(file, task.getId(), "処理「" + bean.group(1) + "」はこのシステムにありません。"));
      }
    }
  }

  private static String elementOf(CamundaScript script) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance element = script.getParentElement();
    while (element != null && !(element instanceof org.camunda.bpm.model.bpmn.instance.BaseElement)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((org.camunda.bpm.model.bpmn.instance.BaseElement) element).getId();
  }
}
