package org.madoguchi.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The synthetic demo data: on when {@code enabled}, generated once from {@code seed}.
 *
 * @param households existing households of the home municipality
 * @param moveOutNotices notices of households about to move in
 */
@ConfigurationProperties(DemoProperties.PREFIX)
record DemoProperties(boolean enabled, long seed, int households, int moveOutNotices) {

  static final String PREFIX = "madoguchi.demo";
}
