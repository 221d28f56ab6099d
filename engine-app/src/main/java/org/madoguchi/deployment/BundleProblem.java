package org.madoguchi.deployment;

/** Why a file of an uploaded bundle cannot be deployed: which file, which element (if any), what is wrong. */
public record BundleProblem(String file, String element, String message) {
}
