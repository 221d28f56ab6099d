package org.madoguchi.connectors.registry;

import java.util.List;
import java.util.Optional;

/**
 * The resident registry (住民記録システム): reads residents, households and a resident's history; records
 * move-ins, move-outs and moves within the municipality.
 *
 * <p>Every write is idempotent by its request's key (a move-in's visit id, a move-out's or a move-within's
 * request id), because a retried job calls it again after a failure it cannot see the end of: a second call
 * with the same request returns the first result and changes nothing. Every change writes a history row per
 * resident. A change the record's rules forbid is a {@link RegistryRefusedException} (its reason says which
 * rule), and nothing of it is written; a registry that cannot be reached or answers wrongly is a
 * {@link RegistryException}. Neither message carries personal data or an identifier.
 */
public interface ResidentRegistryConnector {

  /** Records the move-in once; a second call for the same visit returns the first registration. */
  MoveInRegistration registerMoveIn(MoveInRequest request);

  /**
   * Records the move-out once. The residents leave their household: {@link #findHousehold} no longer lists
   * them, and {@link #findResident} shows them removed, with their 消除日 and 転出先.
   *
   * @throws RegistryRefusedException when a resident is unknown or removed before, the residents belong to
   *     different households, the change is dated before a resident's last change, the request id was used
   *     for another change, or another rule of the registry forbids it (the embedded registry: the household
   *     head cannot leave other members behind)
   */
  ChangeRegistration registerMoveOut(MoveOutRequest request);

  /**
   * Records the move-within once: every current member of one household takes the new address from the
   * day of the change, and the household keeps its number.
   *
   * @throws RegistryRefusedException when a resident is unknown or removed, the residents belong to different
   *     households, some current member of the household is not named, the change is dated before a
   *     resident's last change, or the request id was used for another change
   */
  ChangeRegistration registerMoveWithin(MoveWithinRequest request);

  /** The resident's current row; a resident who moved out is found too, marked removed. */
  Optional<Resident> findResident(String atenaNumber);

  /** The household's current members, head first; empty when there is no such household or all left it. */
  List<Resident> findHousehold(String householdNumber);

  /** Every change of the resident, oldest first, with the row as each change left it; empty for no resident. */
  List<ResidentChange> history(String atenaNumber);
}
