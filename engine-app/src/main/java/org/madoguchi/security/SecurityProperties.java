package org.madoguchi.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts outside the demo: the first administrator, created on the first production start.
 *
 * @param initialAdminUser user id of the first administrator
 * @param initialAdminPassword its password (a secret: set it from the environment, MADOGUCHI_ADMIN_PASSWORD)
 */
@ConfigurationProperties(SecurityProperties.PREFIX)
record SecurityProperties(String initialAdminUser, String initialAdminPassword) {

  static final String PREFIX = "madoguchi.security";
}
