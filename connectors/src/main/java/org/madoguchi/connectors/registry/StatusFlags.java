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
}
