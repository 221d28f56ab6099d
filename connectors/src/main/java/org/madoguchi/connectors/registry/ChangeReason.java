package org.madoguchi.connectors.registry;

/** 異動事由: why a resident row changed. */
public enum ChangeReason {
  MOVE_IN("転入"),
  MOVE_OUT("転出"),
  MOVE_WITHIN("転居"),
  BIRTH("出生"),
  DEATH("死亡"),
  INITIAL("既存記録");

  private final String japanese;

  ChangeReason(String japanese) {
    this.japanese = japanese;
  }

  public String japanese() {
    return japanese;
  }
}
