package org.madoguchi.connectors.registry;

import java.util.Map;

/** What the registry issued for a recorded move-in: the 世帯番号 and each member's 宛名番号. */
public record MoveInRegistration(String visitId, String householdNumber, Map<String, String> atenaNumberByMemberRef) {
}
