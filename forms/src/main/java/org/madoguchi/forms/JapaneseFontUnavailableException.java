package org.madoguchi.forms;

import java.util.List;

/**
 * No font with Japanese glyphs that the PDF renderer can embed was found. An application is never rendered
 * without one: a PDF in a font that lacks the glyphs shows empty boxes where the resident's name should be.
 */
public class JapaneseFontUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final List<String> attempts;

  JapaneseFontUnavailableException(List<String> attempts) {
    super("No usable Japanese font to render applications to PDF. Install the Debian package "
        + "fonts-ipaexfont-gothic (apt-get install -y fonts-ipaexfont-gothic), or set the system property "
        + JapaneseFont.PATH_PROPERTY + " to a TrueType font (.ttf, or a .ttc of TrueType-outline fonts) "
        + "with Japanese glyphs. Tried: " + (attempts.isEmpty() ? "no location" : String.join("; ", attempts)));
    this.attempts = List.copyOf(attempts);
  }

  /** Each location tried, with why it could not be used. */
  public List<String> attempts() {
    return attempts;
  }
}
