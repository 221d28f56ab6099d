package org.madoguchi.bpr.simulation;

/**
 * One stop of a resident's route: a counter they queue at and are served for {@code minutes}, or time they spend
 * on their own (writing a form at the desk) without a staff member.
 *
 * @param counter the counter (lane) name, or {@code null} for time on their own
 * @param minutes how long the stop takes once a staff member serves them
 */
record Stop(String counter, double minutes) {
}
