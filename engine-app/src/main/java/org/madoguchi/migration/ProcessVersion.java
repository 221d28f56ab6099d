package org.madoguchi.migration;

/** One deployed version of a process with how many cases run on it. */
public record ProcessVersion(String id, String key, String name, int version, String deploymentId, boolean suspended,
    long runningInstances, String tenantId) {
}
