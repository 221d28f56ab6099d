package org.madoguchi.visit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.madoguchi.procedure.ModelProperties;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The life events the counter handles: each {@code lifeevents/*.json} definition joined with the deployed
 * visit process that declares it ({@code madoguchi.lifeEvent}) and the decision that process names, per
 * municipality (which may run its own version of a visit process).
 */
@Component
public class LifeEventCatalog {

  static final String LIFE_EVENT_PROPERTY = "madoguchi.lifeEvent";
  static final String DECISION_PROPERTY = "madoguchi.relatedProceduresDecision";

  private final RepositoryService repositoryService;
  private final TenantDefinitions processes;
  private final Map<String, JsonNode> definitions;
  private final ObjectMapper json;
  /** The life events each municipality runs, by local government code. */
  private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();

  LifeEventCatalog(RepositoryService repositoryService, TenantDefinitions processes, ObjectMapper json) {
    this.repositoryService = repositoryService;
    this.processes = processes;
    this.json = json;
    this.definitions = loadDefinitions(json);
  }

  /** The life event {@code code} as municipality {@code municipalityCode} runs it. */
  Optional<LifeEvent> find(String code, String municipalityCode) {
    // Every request asks; reading the latest models each time was a model walk per definition.
    long generation = processes.generation(municipalityCode);
    Deployed current = deployed.get(municipalityCode);
    if (current == null || current.generation() != generation) {
      current = new Deployed(generation, readLifeEvents(municipalityCode));
      deployed.put(municipalityCode, current);
    }
    return Optional.ofNullable(current.lifeEvents().get(code));
  }

  private record Deployed(long generation, Map<String, LifeEvent> lifeEvents) {
  }

  /**
   * The keys of the visit processes the shared models (deployed without a municipality) declare: the processes the
   * counter starts, which the engine's grants name (security/EngineAuthorizations).
   */
  public Set<String> sharedVisitProcessKeys() {
    return readLifeEvents(null).values().stream().map(LifeEvent::visitProcessKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Map<String, LifeEvent> readLifeEvents(String municipalityCode) {
    Map<String, LifeEvent> lifeEvents = new LinkedHashMap<>();
    for (ProcessDefinition process : processes.latestProcesses(municipalityCode)) {
      Process model = repositoryService.getBpmnModelInstance(process.getId()).getModelElementById(process.getKey());
      Map<String, String> properties = ModelProperties.of(model);
      String code = properties.get(LIFE_EVENT_PROPERTY);
      JsonNode definition = code == null ? null : definitions.get(code);
      if (definition != null) {
        lifeEvents.put(code, new LifeEvent(code, text(definition.get("name")), process.getKey(),
            properties.get(DECISION_PROPERTY), definition.path("referenceDateQuestion").asText(null),
            questions(definition)));
      }
    }
    return lifeEvents;
  }

  private List<InterviewQuestion> questions(JsonNode definition) {
    List<InterviewQuestion> questions = new ArrayList<>();
    for (JsonNode q : definition.path("questions")) {
      questions.add(new InterviewQuestion(
          q.get("key").asText(),
          InterviewQuestion.Scope.valueOf(q.get("scope").asText()),
          InterviewQuestion.Type.valueOf(q.get("type").asText()),
          text(q.get("label")),
          q.path("askWhen").asText(null),
          q.path("default").asText(null),
          q.path("notAfterToday").asBoolean(false)));
    }
    return List.copyOf(questions);
  }

  private LocalizedText text(JsonNode node) {
    return json.convertValue(node, LocalizedText.class);
  }

  private static Map<String, JsonNode> loadDefinitions(ObjectMapper json) {
    Map<String, JsonNode> definitions = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:lifeevents/*.json")) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode definition = json.readTree(in);
          definitions.put(definition.get("lifeEvent").asText(), definition);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the life event definitions", e);
    }
    return definitions;
  }
}
