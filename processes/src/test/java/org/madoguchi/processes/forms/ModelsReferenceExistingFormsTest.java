package org.madoguchi.processes.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madoguchi.forms.FormCatalog;

/** Every user task shows its application: the form it references exists, and opens at its latest version. */
class ModelsReferenceExistingFormsTest {

  private static final FormCatalog FORMS = FormCatalog.fromClasspath();

  static Stream<String> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".bpmn")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFormAUserTaskReferencesExists(String file) throws IOException {
    BpmnModelInstance model;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/" + file)) {
      model = Bpmn.readModelFromStream(in);
    }
    List<UserTask> withForms = model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getCamundaFormRef() != null).toList();

    assertThat(withForms).isNotEmpty();
    withForms.forEach(task -> {
      assertThat(FORMS.find(task.getCamundaFormRef())).as("form of %s in %s", task.getId(), file).isPresent();
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
    });
    String key = file.replace(".bpmn", "");
    if (!key.endsWith("-visit")) {
      assertThat(withForms).extracting(UserTask::getCamundaFormRef).containsOnly(key + "-application");
    }
  }
}
