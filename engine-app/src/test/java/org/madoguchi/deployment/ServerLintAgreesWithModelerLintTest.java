package org.madoguchi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.bpr.lint.BpmnLinter;
import org.madoguchi.bpr.lint.LintRule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The server's lint rules find what bpmnlint finds in the web modeler: the same rule names, elements and severities,
 * for the rules the server implements, on a model that breaks each of them and on every model Madoguchi ships.
 * bpmnlint runs in Node with the modeler's own configuration (.bpmnlintrc) and the packages the build installed.
 */
class ServerLintAgreesWithModelerLintTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Set<String> SERVER_RULES = Arrays.stream(LintRule.values()).map(LintRule::ruleName)
      .collect(Collectors.toSet());

  @Test
  void serverAndModelerFindTheSameIssues(@TempDir Path models) throws Exception {
    List<Path> files = new ArrayList<>();
    files.add(copy(getClass().getResourceAsStream("ServerLintAgreesWithModelerLintTest.broken.bpmn"),
        models.resolve("broken.bpmn")));
    for (Resource shipped : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
      files.add(copy(shipped.getInputStream(), models.resolve(shipped.getFilename())));
    }
    assertThat(files).hasSizeGreaterThan(5);

    JsonNode modeler = bpmnlint(files);

    for (Path file : files) {
      Set<String> server = new TreeSet<>();
      BpmnLinter.lint(Bpmn.readModelFromFile(file.toFile())).forEach(issue -> server.add(issue.rule() + " "
          + issue.elementId() + " " + issue.severity().bpmnlintCategory()));
      Set<String> expected = new TreeSet<>();
      modeler.path(file.toString()).forEach(issue -> {
        if (SERVER_RULES.contains(issue.path("rule").asText())) {
          expected.add(issue.path("rule").asText() + " " + issue.path("id").asText() + " "
              + issue.path("category").asText());
        }
      });
      assertThat(server).as("findings on %s", file.getFileName()).isEqualTo(expected);
      if (file.getFileName().toString().equals("broken.bpmn")) {
        assertThat(server.stream().map(finding -> finding.split(" ")[0]).collect(Collectors.toSet()))
            .as("the broken model breaks every rule").isEqualTo(SERVER_RULES);
      }
    }
  }

  private static Path copy(InputStream in, Path target) throws IOException {
    try (InputStream model = in) {
      Files.copy(model, target);
    }
    return target;
  }

  private static JsonNode bpmnlint(List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("src/test/js/bpmnlint-json.cjs").toString(),
        MODULE.resolve(".bpmnlintrc").toString()));
    files.forEach(file -> command.add(file.toString()));
    Process node = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(false).start();
    byte[] out = node.getInputStream().readAllBytes();
    String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
    assertThat(node.exitValue()).as("bpmnlint (node, from the build's node_modules): %s", err).isZero();
    return new ObjectMapper().readTree(out);
  }
}
