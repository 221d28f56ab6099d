package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PdfCanvasTest {

  static {
    QuietFontWarnings.install();
  }

  private static final JapaneseFont FONT = JapaneseFont.locate();

  private PDDocument document;
  private PDType0Font font;
  private PdfCanvas canvas;

  @BeforeEach
  void open() throws IOException {
    document = new PDDocument();
    font = PDType0Font.load(document, FONT.path().toFile());
    canvas = new PdfCanvas(document, font, FONT.widths());
  }

  @AfterEach
  void close() throws IOException {
    document.close();
  }

  @Test
  void wrapsWithinTheWidthKeepingEveryCharacterInOrder() {
    String text = "鹿児島県鹿児島市中央町10番1号　鹿児島中央駅前ツインタワーマンション・サウスウィング棟二十三階";
    List<String> lines = canvas.wrap(text, 10, 100);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(String.join("", lines)).isEqualTo(text);
    assertThat(lines).allSatisfy(line -> assertThat(canvas.textWidth(line, 10)).isLessThanOrEqualTo(100));
  }

  @Test
  void neverStartsALineWithASmallKanaOrAClosingMark() {
    // at 10pt, 10 full-width characters fill 100pt: ョ and 。 each come eleventh
    assertThat(canvas.wrap("あいうえおかきくけション", 10, 100)).containsExactly("あいうえおかきくけ", "ション");
    assertThat(canvas.wrap("あいうえおかきくけこ。さ", 10, 100)).containsExactly("あいうえおかきくけ", "こ。さ");
  }

  @Test
  void keepsAWordOfLettersAndDigitsTogether() {
    List<String> lines = canvas.wrap("電話番号 099-224-1111 内線 12345", 10, 90);
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith("1234").doesNotStartWith("5"));
    assertThat(String.join("", lines).replace(" ", "")).isEqualTo("電話番号099-224-1111内線12345");
  }

  @Test
  void showsACharacterTheFontLacksAsGetaAndDropsVariationSelectors() {
    assertThat(canvas.printable("髙\uE000橋")).isEqualTo("髙〓橋");
    assertThat(canvas.printable("葛\uDB40\uDD00城")).isEqualTo("葛城");
    assertThat(canvas.printable("一行目\r\n二行目\tタブ")).isEqualTo("一行目\n二行目 タブ");
  }

  @Test
  void aRecordingCanvasLaysOutAlikeAndKeepsEveryCharacterItWouldShowPageNumbersIncluded() throws IOException {
    PdfCanvas recording = PdfCanvas.recording(FONT.widths());
    PdfCanvas drawing = new PdfCanvas(document, font, FONT.widths());
    for (PdfCanvas each : List.of(recording, drawing)) {
      each.newPage();
      each.text("鹿児島", each.left(), 700, 10, false, 0f);
      each.strokeRect(each.left(), 600, 100, 50, 1f);
      each.newPage();
      each.finish();
    }

    assertThat(recording.pageCount()).isEqualTo(drawing.pageCount()).isEqualTo(2);
    assertThat(recording.recorded()).containsExactlyInAnyOrderElementsOf(
        "鹿児島1 / 22 / 2".codePoints().boxed().collect(java.util.stream.Collectors.toSet()));
    // measured alike: the whole font's widths are the embedded font's
    assertThat(recording.textWidth("鹿児島 Kagoshima", 10))
        .isEqualTo(font.getStringWidth("鹿児島 Kagoshima") / 1000 * 10);
    assertThat(document.getNumberOfPages()).isEqualTo(2);
  }
}
