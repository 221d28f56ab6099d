package org.madoguchi.modeler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts in the application's database; every update and delete checks the version the caller read. */
@Repository
class ModelDraftRepository {

  private static final String SUMMARY = "id, name, process_key, created_by, created_at, updated_by, updated_at, version";

  private final JdbcClient jdbc;

  ModelDraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ModelDraft draft) {
    jdbc.sql("insert into model_draft (" + SUMMARY + ", bpmn_xml) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(draft.id(), draft.name(), draft.processKey(), draft.createdBy(), Timestamp.from(draft.createdAt()),
            draft.updatedBy(), Timestamp.from(draft.updatedAt()), draft.version(), draft.bpmnXml())
        .update();
  }

  Optional<ModelDraft> find(String id) {
    return jdbc.sql("select " + SUMMARY + ", bpmn_xml from model_draft where id = ?").param(id)
        .query((rs, row) -> map(rs, rs.getString("bpmn_xml"))).optional();
  }

  /** Every draft without its XML, the most recently changed first. */
  List<ModelDraft.Summary> list() {
    return jdbc.sql("select " + SUMMARY + " from model_draft order by updated_at desc, id")
        .query((rs, row) -> map(rs, null).summary()).list();
  }

  /** Replaces the draft's content if it is still at {@code draft.version() - 1}; false if someone changed it. */
  boolean update(ModelDraft draft) {
    return jdbc.sql("update model_draft set name = ?, process_key = ?, bpmn_xml = ?, updated_by = ?, updated_at = ?, "
            + "version = ? where id = ? and version = ?")
        .params(draft.name(), draft.processKey(), draft.bpmnXml(), draft.updatedBy(),
            Timestamp.from(draft.updatedAt()), draft.version(), draft.id(), draft.version() - 1)
        .update() == 1;
  }

  /** Deletes the draft if it is at {@code version}; false if it is not (changed, or gone). */
  boolean delete(String id, int version) {
    return jdbc.sql("delete from model_draft where id = ? and version = ?").params(id, version).update() == 1;
  }

  private static ModelDraft map(ResultSet rs, String xml) throws SQLException {
    return new ModelDraft(rs.getString("id"), rs.getString("name"), rs.getString("process_key"), xml,
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
  }
}
