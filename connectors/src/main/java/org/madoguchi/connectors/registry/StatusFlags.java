package org.madoguchi.connectors.registry;

/**
 * The status flags the resident record and the move-out certificate (転出証明書) carry for a person:
 * national health insurance, late-stage elderly medical care, long-term care certification, national
 * pension (category 1), child allowance, and whether the person holds a My Number card.
 */
public record StatusFlags(
    boolean nhiInsured,
    boolean lateStageElderlyInsured,
    boolean longTermCareCertified,
    boolean nationalPensionInsured,
    boolean childAllowanceRecipient,
    boolean holdsMyNumberCard) {

  public static final StatusFlags NONE = new StatusFlags(false, false, false, false, false, false);

  /** Reads the flags from a row whose columns are named after them in snake case (nhi_insured, …). */
  public static StatusFlags fromRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StatusFlags(rs.getBoolean("nhi_insured"), rs.getBoolean("late_stage_elderly_insured"),
        rs.getBoolean("long_term_care_certified"), rs.getBoolean("national_pension_insured"),
        rs.getBoolean("child_allowance_recipient"), rs.getBoolean("holds_my_number_card"));
  }
}
