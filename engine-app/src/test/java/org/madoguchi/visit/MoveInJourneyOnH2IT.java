package org.madoguchi.visit;

import org.madoguchi.support.ApplicationOnH2;

@ApplicationOnH2
class MoveInJourneyOnH2IT extends MoveInJourney {
}
