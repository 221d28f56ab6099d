package org.madoguchi.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 portrait pages written top to bottom: text in the Japanese font, wrapped to a width; rows of bordered cells
 * that continue on the next page when they do not fit; page numbers stamped when the document is complete. What
 * goes where on an application is {@link ApplicationPdf}'s business; this only knows pages.
 */
final class PdfCanvas {

  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN_X = 48;
  static final float MARGIN_TOP = 44;
  static final float MARGIN_BOTTOM = 56;
  static final float PADDING = 4;
  static final float BORDER = 0.6f;
  /** The grey of a label cell, of a heading, and no fill. */
  static final float SHADE = 0.93f;
  static final float SHADE_HEADING = 0.84f;
  static final float NO_SHADE = 1f;

  /** The character a form prints for one its font has no glyph for (外字): the geta mark. */
  static final String NO_GLYPH = "〓";

  /** Characters that do not start a line (行頭禁則): the character before them goes to the next line with them. */
  private static final String NO_LINE_START = "、。，．,.)）]］｝〕〉》」』】〙〗ゝゞ々ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
      + "・：；！？!?:;";

  private static final float ASCENT = 0.88f;
  private static final float LEADING = 1.45f;

  /** The advance width of a character in thousandths of the font size, or NaN when the font has no glyph. */
  @FunctionalInterface
  interface Widths {
    float unitWidth(int codePoint);
  }

  private final PDDocument document;
  private final PDType0Font font;
  private final Widths widths;
  /** Null while drawing; while recording, the characters the text shows, and nothing is drawn. */
  private final Set<Integer> recorded;
  private final List<PDPage> pages = new ArrayList<>();
  private int pageCount;
  private PDPageContentStream content;
  private float y;
  private Runnable pageHeader = () -> { };
  private Runnable continuation = () -> { };
  private Float frameTop;
  private float bodyTop;

  /** Draws in {@code font}, measuring with {@code widths} (which must give the font's own widths). */
  PdfCanvas(PDDocument document, PDType0Font font, Widths widths) {
    this(document, font, widths, null);
  }

  private PdfCanvas(PDDocument document, PDType0Font font, Widths widths, Set<Integer> recorded) {
    this.document = document;
    this.font = font;
    this.widths = widths;
    this.recorded = recorded;
  }

  /**
   * A canvas that draws nothing and records every character its text would show: the same layout as a drawing
   * canvas measuring with the same {@code widths}, so that a document's font can be made for exactly those.
   */
  static PdfCanvas recording(Widths widths) {
    return new PdfCanvas(null, null, widths, new TreeSet<>());
  }

  /** The characters shown so far, of a {@link #recording} canvas. */
  Set<Integer> recorded() {
    return Collections.unmodifiableSet(recorded);
  }


  float left() {
    return MARGIN_X;
  }

  float right() {
    return PAGE.getWidth() - MARGIN_X;
  }

  float width() {
    return right() - left();
  }

  float y() {
    return y;
  }

  /** What each page after the first starts with (a running title). */
  void onEveryFurtherPage(Runnable header) {
    this.pageHeader = header;
  }

  /** What a page break repeats until reset (a table's header row); {@code null} for nothing. */
  void whileBreaking(Runnable repeat) {
    this.continuation = repeat == null ? () -> { } : repeat;
  }

  void newPage() {
    boolean first = pageCount == 0;
    if (!first) {
      closeFrameOnPage();
    }
    if (content != null) {
      close(content);
    }
    pageCount++;
    if (recorded == null) {
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      pages.add(page);
      try {
        content = new PDPageContentStream(document, page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    y = PAGE.getHeight() - MARGIN_TOP;
    if (!first) {
      pageHeader.run();
    }
    if (frameTop != null) {
      frameTop = y;
    }
    continuation.run();
    bodyTop = y;
  }

  /** Space left above the bottom margin. */
  float remaining() {
    return y - MARGIN_BOTTOM;
  }

  /** Starts a new page unless {@code height} fits on this one. */
  void ensure(float height) {
    if (height > remaining()) {
      newPage();
    }
  }

  void skip(float height) {
    y -= height;
  }

  static float lineHeight(float size) {
    return size * LEADING;
  }

  /** Starts a thick frame around what follows, closed by {@link #endFrame()} and at each page break. */
  void beginFrame() {
    frameTop = y;
  }

  void endFrame() {
    closeFrameOnPage();
    frameTop = null;
  }

  private void closeFrameOnPage() {
    if (frameTop != null && frameTop > y) {
      strokeRect(left(), y, width(), frameTop - y, 1.6f);
    }
  }

  // ---- text

  /**
   * The text as the font can show it: line breaks normalised to {@code \n}, other control characters as spaces,
   * variation selectors dropped (the base character shows), characters without a glyph as {@link #NO_GLYPH}.
   */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(c -> {
      if (c == '\n') {
        out.append('\n');
      } else if (isVariationSelector(c) || c == 0x200B || c == 0xFEFF) {
        // dropped
      } else if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ' && c != 0x3000) {
        out.append(' ');
      } else if (Float.isNaN(unitWidth(c))) {
        out.append(NO_GLYPH);
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static boolean isVariationSelector(int c) {
    return c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF || c >= 0x180B && c <= 0x180D;
  }

  private float unitWidth(int codePoint) {
    return widths.unitWidth(codePoint);
  }

  float textWidth(String text, float size) {
    float units = 0;
    for (int c : text.codePoints().toArray()) {
      float w = unitWidth(c);
      units += Float.isNaN(w) ? 1000 : w;
    }
    return units / 1000 * size;
  }

  /**
   * {@code text} ({@link #printable(String)}) broken into lines no wider than {@code width} (a single character
   * wider than that alone on its line): anywhere between Japanese characters, between words of Latin letters and
   * digits where possible, and never before a closing bracket, a 、。 or a small kana (行頭禁則). Every character of
   * the text is on one of the lines, in order.
   */
  List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (int c : paragraph.codePoints().toArray()) {
        float w = textWidth(Character.toString(c), size);
        if (lineWidth + w > width && !line.isEmpty()) {
          int cut = breakBefore(line, c);
          String carry = line.substring(cut);
          line.setLength(cut);
          lines.add(stripTrailingSpaces(line.toString()));
          line = new StringBuilder(carry);
          lineWidth = textWidth(carry, size);
          if (c == ' ' && line.isEmpty()) {
            continue;
          }
        }
        line.appendCodePoint(c);
        lineWidth += w;
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Where a full line breaks when {@code next} does not fit on it: before {@code next}, unless that would start the
   * next line with a character that must not start one (then the characters before it go along, 追い出し), or
   * would split a word of Latin letters and digits (then the word goes to the next line). The line keeps at least
   * one character.
   */
  private static int breakBefore(StringBuilder line, int next) {
    int cut = line.length();
    if (NO_LINE_START.indexOf(next) >= 0) {
      while (cut > 1 && NO_LINE_START.indexOf(line.charAt(cut - 1)) >= 0) {
        cut--;
      }
      cut = Math.max(1, cut - 1);
    }
    if (isWordChar(next) && cut == line.length()) {
      int wordStart = wordStart(line);
      if (wordStart > 0) {
        cut = wordStart;
      }
    }
    if (cut < line.length() && Character.isLowSurrogate(line.charAt(cut))) {
      cut--;  // not between the two halves of a character outside the BMP
    }
    return cut > 0 ? cut : line.length();
  }

  private static boolean isWordChar(int c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  /** Where the run of Latin letters and digits ending the line starts (the line's length when it ends in none). */
  private static int wordStart(StringBuilder line) {
    int i = line.length();
    while (i > 0 && isWordChar(line.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  /** One line of text with its baseline at {@code baseline}; text is assumed {@link #printable(String)}. */
  void text(String text, float x, float baseline, float size, boolean bold, float gray) {
    if (text.isEmpty()) {
      return;
    }
    if (recorded != null) {
      text.codePoints().forEach(recorded::add);
      return;
    }
    try {
      content.beginText();
      content.setFont(font, size);
      content.setNonStrokingColor(gray);
      if (bold) {
        content.setRenderingMode(RenderingMode.FILL_STROKE);
        content.setStrokingColor(gray);
        content.setLineWidth(size * 0.035f);
      }
      content.newLineAtOffset(x, baseline);
      content.showText(text);
      if (bold) {
        content.setRenderingMode(RenderingMode.FILL);
      }
      content.endText();
      content.setNonStrokingColor(0f);
      content.setStrokingColor(0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of text at the cursor, each starting at {@code x}, moving the cursor down; breaks pages as needed. */
  void paragraph(List<String> lines, float x, float size, boolean bold) {
    for (String line : lines) {
      ensure(lineHeight(size));
      text(line, x, baseline(y, size), size, bold, 0f);
      y -= lineHeight(size);
    }
  }

  /** The baseline of a line whose line box starts at {@code top}. */
  static float baseline(float top, float size) {
    return top - (lineHeight(size) - size) / 2 - ASCENT * size;
  }

  // ---- rows of cells

  enum Align { LEFT, CENTER }

  /** A cell of a row: lines already wrapped to {@code width - 2 * PADDING}, filled with {@code shade} (1: none). */
  record Cell(float width, List<String> lines, float size, float shade, boolean bold, Align align) {

    float height() {
      return Math.max(1, lines.size()) * lineHeight(size) + 2 * PADDING;
    }
  }

  /** A cell for {@code text} wrapped to fit {@code width}. */
  Cell cell(String text, float width, float size, float shade, boolean bold, Align align) {
    return new Cell(width, wrap(printable(text), size, width - 2 * PADDING), size, shade, bold, align);
  }

  /**
   * A row of bordered cells from the left margin at the cursor, moving it down. A row that does not fit the rest
   * of the page continues on the next (its lines split between the pages when it is taller than a page).
   */
  void row(List<Cell> cells) {
    List<Cell> rest = cells;
    while (true) {
      float height = rest.stream().map(Cell::height).max(Float::compare).orElse(0f);
      if (height <= remaining()) {
        drawRow(rest, height);
        return;
      }
      boolean atTop = y >= bodyTop - 0.01f;
      if (!atTop && height <= bodyTop - MARGIN_BOTTOM) {
        newPage();
        continue;
      }
      // taller than the rest of the page and than a fresh one: as many lines as fit here, the others after
      float lh = rest.stream().map(c -> lineHeight(c.size())).max(Float::compare).orElse(1f);
      int fitting = (int) Math.floor((remaining() - 2 * PADDING) / lh);
      if (fitting < (atTop ? 1 : 2)) {
        if (atTop) {
          throw new IllegalStateException("a line of text does not fit on an empty page");
        }
        newPage();
        continue;
      }
      List<Cell> now = new ArrayList<>();
      List<Cell> later = new ArrayList<>();
      for (Cell cell : rest) {
        int n = Math.min(fitting, cell.lines().size());
        now.add(new Cell(cell.width(), cell.lines().subList(0, n), cell.size(), cell.shade(), cell.bold(),
            cell.align()));
        later.add(new Cell(cell.width(), cell.lines().subList(n, cell.lines().size()), cell.size(), cell.shade(),
            cell.bold(), cell.align()));
      }
      drawRow(now, fitting * lh + 2 * PADDING);
      newPage();
      rest = later;
    }
  }

  private void drawRow(List<Cell> cells, float height) {
    float x = left();
    float bottom = y - height;
    for (Cell cell : cells) {
      if (cell.shade() < 1) {
        fillRect(x, bottom, cell.width(), height, cell.shade());
      }
      strokeRect(x, bottom, cell.width(), height, BORDER);
      float top = y - PADDING;
      for (String line : cell.lines()) {
        float textX = cell.align() == Align.CENTER
            ? x + (cell.width() - textWidth(line, cell.size())) / 2
            : x + PADDING;
        text(line, textX, baseline(top, cell.size()), cell.size(), cell.bold(), 0f);
        top -= lineHeight(cell.size());
      }
      x += cell.width();
    }
    y = bottom;
  }

  // ---- shapes and images

  void fillRect(float x, float bottom, float w, float h, float gray) {
    if (recorded != null) {
      return;
    }
    try {
      content.setNonStrokingColor(gray);
      content.addRect(x, bottom, w, h);
      content.fill();
      content.setNonStrokingColor(0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void strokeRect(float x, float bottom, float w, float h, float lineWidth) {
    if (recorded != null) {
      return;
    }
    try {
      content.setLineWidth(lineWidth);
      content.addRect(x, bottom, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void line(float x1, float y1, float x2, float y2, float lineWidth, boolean dashed) {
    if (recorded != null) {
      return;
    }
    try {
      content.setLineWidth(lineWidth);
      if (dashed) {
        content.setLineDashPattern(new float[] {4, 3}, 0);
      }
      content.moveTo(x1, y1);
      content.lineTo(x2, y2);
      content.stroke();
      if (dashed) {
        content.setLineDashPattern(new float[0], 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void image(PDImageXObject image, float x, float bottom, float w, float h) {
    if (recorded != null) {
      return;
    }
    try {
      content.drawImage(image, x, bottom, w, h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- finishing

  /** Closes the last page and stamps "n / total" at the foot of every page. */
  void finish() {
    if (pageCount > 0) {
      closeFrameOnPage();
    }
    if (content != null) {
      close(content);
      content = null;
    }
    int total = pageCount;
    float size = 9;
    if (recorded != null) {
      for (int i = 0; i < total; i++) {
        text((i + 1) + " / " + total, 0, 0, size, false, 0.25f);
      }
      return;
    }
    for (int i = 0; i < total; i++) {
      try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        content = footer;
        String number = (i + 1) + " / " + total;
        text(number, (PAGE.getWidth() - textWidth(number, size)) / 2, MARGIN_BOTTOM / 2 - size / 2, size, false,
            0.25f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        content = null;
      }
    }
  }

  int pageCount() {
    return pageCount;
  }

  private static void close(PDPageContentStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
