package org.madoguchi.connectors.registry;

/** 性別 as the resident record keeps it. */
public enum Sex {
  MALE("男"),
  FEMALE("女");

  private final String japanese;

  Sex(String japanese) {
    this.japanese = japanese;
  }

  public String japanese() {
    return japanese;
  }
}
