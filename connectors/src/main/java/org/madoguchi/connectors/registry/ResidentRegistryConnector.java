package org.madoguchi.connectors.registry;

import java.util.List;
import java.util.Optional;

/**
 * The resident registry (住民記録システム): reads residents and households, records move-ins.
 * Implementations must make {@link #registerMoveIn} idempotent by the request's visit id, because a
 * retried job calls it again after a failure it cannot see the end of.
 */
public interface ResidentRegistryConnector {

  /** Records the move-in once; a second call for the same visit returns the first registration. */
  MoveInRegistration registerMoveIn(MoveInRequest request);

  Optional<Resident> findResident(String atenaNumber);

  List<Resident> findHousehold(String householdNumber);
}
