package org.madoguchi.forms;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences FontBox's warning that IPAex's format 14 cmap (its ideographic variation sequences) is ignored, logged
 * each time the font is parsed, so that test output shows what matters.
 */
final class QuietFontWarnings {

  /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
  private static final Logger FONTBOX = Logger.getLogger("org.apache.fontbox");

  private QuietFontWarnings() {
  }

  static Logger install() {
    FONTBOX.setLevel(Level.SEVERE);
    return FONTBOX;
  }
}
