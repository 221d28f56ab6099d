package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * What the registry recorded for a move-out or a move-within: the same for the first call and every repeat
 * of its request.
 *
 * @param householdNumber the household the residents left (move-out) or that moved (move-within)
 * @param atenaNumbers the residents changed, in the order the request named them
 * @param changedOn the change's 異動日
 * @param notifiedOn the change's 届出日
 */
public record ChangeRegistration(
    String requestId,
    ChangeReason changeReason,
    String householdNumber,
    List<String> atenaNumbers,
    LocalDate changedOn,
    LocalDate notifiedOn) {

  public ChangeRegistration {
    atenaNumbers = List.copyOf(atenaNumbers);
  }
}
