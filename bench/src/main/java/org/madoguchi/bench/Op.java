package org.madoguchi.bench;

/**
 * The API calls of a bundle, named by the Madoguchi endpoint. For the bare engine each stands for the
 * Java API calls doing the same engine work (noted in {@link BareEngineApi}).
 */
enum Op {
  NOTICES("GET /api/move-out-notices"),
  OPEN("POST /api/visits"),
  INTERVIEW("PUT /api/visits/{id}/interview"),
  SUBMIT("POST /api/visits/{id}/submit"),
  VISIT("GET /api/visits/{id}/progress"),
  TASKS("GET /api/tasks?department="),
  CLAIM("POST /api/tasks/{id}/claim"),
  COMPLETE("POST /api/tasks/{id}/complete"),
  RETURN("POST /api/tasks/{id}/return");

  final String label;

  Op(String label) {
    this.label = label;
  }
}
