package org.madoguchi.connectors.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.MyNumber;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notices kept in the application's own database (the demo, or notices imported from files). */
public class EmbeddedMoveOutNoticeConnector implements MoveOutNoticeConnector, MoveOutNoticeStore {

  private final JdbcClient jdbc;

  public EmbeddedMoveOutNoticeConnector(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<MoveOutNoticeSummary> listPending(String municipalityCode) {
    return pending(municipalityCode, "", List.of());
  }

  /** One row by its key, instead of listing every pending notice of the municipality to find it among them. */
  @Override
  public boolean isPending(String municipalityCode, String noticeId) {
    return jdbc.sql("select count(*) from move_out_notice where id = ? and to_municipality_code = ? "
            + "and used_by_visit is null")
        .params(noticeId, municipalityCode).query(Integer.class).single() > 0;
  }

  @Override
  public List<MoveOutNoticeSummary> findPendingFor(String municipalityCode, String nameOnCard,
      LocalDate birthDate) {
    return pending(municipalityCode, """
            and exists (select 1 from move_out_notice_member p
                         where p.notice_id = n.id and p.birth_date = ?
                           and replace(replace(p.family_name || p.given_name, ' ', ''), '\u3000', '') = ?)""",
        List.of(birthDate, MoveOutNoticeConnector.withoutSpaces(nameOnCard)));
  }

  private List<MoveOutNoticeSummary> pending(String municipalityCode, String andWhere, List<Object> whereParams) {
    List<Object> params = new java.util.ArrayList<>();
    params.add(municipalityCode);
    params.addAll(whereParams);
    return jdbc.sql("""
            select n.id, n.source, n.from_municipality_name, n.planned_move_date,
                   h.family_name, h.given_name, h.family_name_kana, h.given_name_kana,
                   (select count(*) from move_out_notice_member c where c.notice_id = n.id) as member_count
              from move_out_notice n
              join move_out_notice_member h on h.notice_id = n.id and h.household_head = true
             where n.to_municipality_code = ? and n.used_by_visit is null
            """ + andWhere + """
             order by n.planned_move_date, n.id""")
        .params(params)
        .query((rs, row) -> new MoveOutNoticeSummary(
            rs.getString("id"),
            MoveOutNotice.Source.valueOf(rs.getString("source")),
            rs.getString("from_municipality_name"),
            rs.getObject("planned_move_date", LocalDate.class),
            rs.getString("family_name") + "\u3000" + rs.getString("given_name"),
            rs.getString("family_name_kana") + "\u3000" + rs.getString("given_name_kana"),
            rs.getInt("member_count")))
        .list();
  }

  @Override
  public Optional<MoveOutNotice> find(String noticeId) {
    return jdbc.sql("select * from move_out_notice where id = ?")
        .param(noticeId)
        .query((rs, row) -> mapNotice(rs, members(noticeId)))
        .optional();
  }

  @Override
  public void markUsed(String noticeId, String visitId) {
    jdbc.sql("update move_out_notice set used_by_visit = ? where id = ? and used_by_visit is null")
        .params(visitId, noticeId)
        .update();
  }

  @Override
  public boolean contains(String noticeId) {
    return jdbc.sql("select count(*) from move_out_notice where id = ?")
        .param(noticeId)
        .query(Integer.class)
        .single() > 0;
  }

  /** Stores a notice (demo data, or a file import). */
  @Override
  public void add(MoveOutNotice notice) {
    jdbc.sql("""
            insert into move_out_notice (id, source, to_municipality_code, from_municipality_code,
              from_municipality_name, from_address, moved_out_on, planned_move_date, planned_postal_code,
              planned_address, planned_address_line2)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(notice.id(), notice.source().name(), notice.toMunicipalityCode(), notice.fromMunicipalityCode(),
            notice.fromMunicipalityName(), notice.fromAddress(), notice.movedOutOn(), notice.plannedMoveDate(),
            notice.plannedPostalCode(), notice.plannedAddress(), notice.plannedAddressLine2())
        .update();
    int position = 0;
    for (HouseholdMember m : notice.members()) {
      StatusFlags f = m.flags();
      jdbc.sql("""
              insert into move_out_notice_member (notice_id, member_id, position, family_name, given_name,
                family_name_kana, given_name_kana, birth_date, sex, relationship, household_head, nhi_insured,
                late_stage_elderly_insured, long_term_care_certified, national_pension_insured,
                child_allowance_recipient, holds_my_number_card)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(notice.id(), m.id(), position++, m.name().familyName(), m.name().givenName(),
              m.name().familyNameKana(), m.name().givenNameKana(), m.birthDate(), m.sex().name(),
              m.relationship(), m.householdHead(), f.nhiInsured(), f.lateStageElderlyInsured(),
              f.longTermCareCertified(), f.nationalPensionInsured(), f.childAllowanceRecipient(),
              f.holdsMyNumberCard())
          .update();
    }
  }

  /** Records the 個人番号 the notice carries for a member (住基ネット sends it with 転出証明書情報). */
  public void recordMyNumber(String noticeId, String memberId, MyNumber myNumber) {
    jdbc.sql("update move_out_notice_member set my_number = ? where notice_id = ? and member_id = ?")
        .params(myNumber.digits(), noticeId, memberId).update();
  }

  private List<HouseholdMember> members(String noticeId) {
    return jdbc.sql("select * from move_out_notice_member where notice_id = ? order by position")
        .param(noticeId)
        .query((rs, row) -> new HouseholdMember(
            rs.getString("member_id"),
            new PersonName(rs.getString("family_name"), rs.getString("given_name"),
                rs.getString("family_name_kana"), rs.getString("given_name_kana")),
            rs.getObject("birth_date", LocalDate.class),
            Sex.valueOf(rs.getString("sex")),
            rs.getString("relationship"),
            rs.getBoolean("household_head"),
            StatusFlags.fromRow(rs)))
        .list();
  }

  private static MoveOutNotice mapNotice(ResultSet rs, List<HouseholdMember> members) throws SQLException {
    return new MoveOutNotice(
        rs.getString("id"),
        MoveOutNotice.Source.valueOf(rs.getString("source")),
        rs.getString("to_municipality_code"),
        rs.getString("from_municipality_code"),
        rs.getString("from_municipality_name"),
        rs.getString("from_address"),
        rs.getObject("moved_out_on", LocalDate.class),
        rs.getObject("planned_move_date", LocalDate.class),
        rs.getString("planned_postal_code"),
        rs.getString("planned_address"),
        rs.getString("planned_address_line2"),
        members);
  }
}
