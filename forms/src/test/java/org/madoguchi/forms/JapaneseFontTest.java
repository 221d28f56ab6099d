package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JapaneseFontTest {

  static {
    QuietFontWarnings.install();
  }

  private static final Path IPAEX = JapaneseFont.DEBIAN_LOCATIONS.get(0);
  private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  @Test
  void findsTheIpaexGothicFontOfTheDebianPackage() {
    assumeTrue(Files.exists(IPAEX), "fonts-ipaexfont-gothic is not installed");
    JapaneseFont font = new JapaneseFont(null, JapaneseFont.DEBIAN_LOCATIONS);
    assertThat(font.path()).isEqualTo(IPAEX);
    assertThat(font.name()).isEqualTo("IPAexGothic");
  }

  @Test
  void triesTheConfiguredPathFirst() throws IOException {
    Path configured = Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf");
    assumeTrue(Files.exists(configured) && Files.exists(IPAEX), "no two Japanese fonts to choose from");
    assertThat(new JapaneseFont(configured, List.of(IPAEX)).path()).isEqualTo(configured);
  }

  @Test
  void fallsBackToTheKnownLocationsWhenTheConfiguredFontIsUnusable(@TempDir Path dir) throws IOException {
    assumeTrue(Files.exists(IPAEX), "fonts-ipaexfont-gothic is not installed");
    Path broken = Files.writeString(dir.resolve("broken.ttf"), "not a font");
    assertThat(new JapaneseFont(broken, List.of(IPAEX)).path()).isEqualTo(IPAEX);
  }

  @Test
  void readsTheConfiguredPathFromTheSystemProperty() {
    assumeTrue(Files.exists(IPAEX), "fonts-ipaexfont-gothic is not installed");
    String before = System.getProperty(JapaneseFont.PATH_PROPERTY);
    System.setProperty(JapaneseFont.PATH_PROPERTY, "/nonexistent/font.ttf");
    try {
      // the configured path is missing: the Debian locations are searched next
      assertThat(JapaneseFont.locate().path()).isEqualTo(IPAEX);
    } finally {
      if (before == null) {
        System.clearProperty(JapaneseFont.PATH_PROPERTY);
      } else {
        System.setProperty(JapaneseFont.PATH_PROPERTY, before);
      }
    }
  }

  @Test
  void refusesAFileThatIsNotAFontAndSaysWhichPackageToInstall(@TempDir Path dir) throws IOException {
    Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font at all");
    assertThatThrownBy(() -> JapaneseFont.at(notAFont))
        .isInstanceOf(JapaneseFontUnavailableException.class)
        .hasMessageContaining("apt-get install -y fonts-ipaexfont-gothic")
        .hasMessageContaining(JapaneseFont.PATH_PROPERTY)
        .hasMessageContaining(notAFont + ": not a TrueType font file");
  }

  @Test
  void refusesAMissingFile() {
    assertThatThrownBy(() -> new JapaneseFont(Path.of("/nonexistent/font.ttf"), List.of()))
        .isInstanceOf(JapaneseFontUnavailableException.class)
        .satisfies(e -> assertThat(((JapaneseFontUnavailableException) e).attempts())
            .containsExactly("/nonexistent/font.ttf: not found"));
  }

  @Test
  void refusesAFontWithoutJapaneseGlyphs() {
    assumeTrue(Files.exists(DEJAVU), "fonts-dejavu-core is not installed");
    assertThatThrownBy(() -> JapaneseFont.at(DEJAVU))
        .isInstanceOf(JapaneseFontUnavailableException.class)
        .hasMessageContaining("has no glyphs for Japanese text");
  }

  @Test
  void refusesAnOpenTypeFontWithPostScriptOutlines(@TempDir Path dir) throws IOException {
    byte[] cff = new byte[64];
    System.arraycopy("OTTO".getBytes(), 0, cff, 0, 4);
    Path otf = Files.write(dir.resolve("NotoSansCJKjp-Regular.otf"), cff);
    assertThatThrownBy(() -> JapaneseFont.at(otf))
        .isInstanceOf(JapaneseFontUnavailableException.class)
        .hasMessageContaining("PostScript (CFF) outlines");
  }
}
