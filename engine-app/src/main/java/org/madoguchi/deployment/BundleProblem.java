package org.madoguchi.deployment;

/**
 * What is wrong with a file of an uploaded bundle: which file, which element (if any), which lint rule found it (its
 * bpmnlint name, if a lint rule did), and what is wrong, in Japanese. As a problem it blocks the deployment; as a
 * warning it is only reported.
 */
public record BundleProblem(String file, String element, String rule, String message) {

  BundleProblem(String file, String element, String message) {
    this(file, element, null, message);
  }
}
