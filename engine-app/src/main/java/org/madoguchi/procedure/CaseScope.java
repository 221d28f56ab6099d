package org.madoguchi.procedure;

/** Whether a procedure runs one case for the household (listing the members concerned) or one per member. */
public enum CaseScope {
  HOUSEHOLD,
  MEMBER
}
