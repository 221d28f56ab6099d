package org.madoguchi.visit;

/** A text shown to staff and residents, Japanese first. */
public record LocalizedText(String ja, String en) {
}
