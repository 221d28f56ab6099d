package org.madoguchi.procedure;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the {@code madoguchi.*} extension properties a model declares on an element. */
public final class ModelProperties {

  private ModelProperties() {
  }

  public static Map<String, String> of(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Map.of();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> property.getCamundaName() != null && property.getCamundaValue() != null)
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
            (first, second) -> second));
  }
}
