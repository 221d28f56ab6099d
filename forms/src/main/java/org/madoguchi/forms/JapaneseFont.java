package org.madoguchi.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType font with Japanese glyphs that applications render in, embedded in each PDF as a subset (only the
 * glyphs the document uses).
 *
 * <p>It is looked for at a configured path first (the constructor's, or the system property
 * {@value #PATH_PROPERTY}), then at the {@link #DEBIAN_LOCATIONS}. A location is used only when PDFBox can embed it:
 * a TrueType-outline font ({@code glyf}) that has glyphs for Japanese text. OpenType fonts with PostScript (CFF)
 * outlines, such as the Noto CJK collections of {@code fonts-noto-cjk}, cannot be subset-embedded by PDFBox and are
 * skipped; a TrueType collection ({@code .ttc}) is used through its first member that qualifies. With no usable
 * font the constructor throws {@link JapaneseFontUnavailableException}, which names the Debian package to install.
 *
 * <p>The font file is read once and kept in memory. Parsing it (a few megabytes of tables) was most of the cost of
 * rendering an application, so parsed fonts are kept for the next rendering: PDFBox's {@link TrueTypeFont} reads its
 * tables lazily and is not safe for concurrent use, so each rendering takes one to itself
 * ({@link #embedWhile}) and gives it back when the document is saved. An instance can serve concurrent renderings.
 */
public final class JapaneseFont {

  /** The system property naming a font file to use before the {@link #DEBIAN_LOCATIONS}. */
  public static final String PATH_PROPERTY = "madoguchi.pdf.font";

  /** Where Debian's Japanese font packages put a font PDFBox can embed, in the order they are tried. */
  public static final List<Path> DEBIAN_LOCATIONS = List.of(
      // fonts-ipaexfont-gothic: the recommended one
      Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
      // the fonts-japanese-gothic alternative (a symlink to whichever Japanese gothic font is installed)
      Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
      // fonts-ipafont-gothic
      Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
      // fonts-noto-cjk: collections of CFF-outline fonts, tried last and skipped unless PDFBox can embed a member
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
      Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));

  /** Text a usable font must have glyphs for (a municipality, an addressee, kana, a full-width digit). */
  static final String PROBE = "鹿児島市長様住所氏名生年月日届出あいうアイウー、。（）０１";

  private static final System.Logger LOG = System.getLogger(JapaneseFont.class.getName());

  private final Path path;
  private final String name;
  private final byte[] data;
  private final boolean collection;
  /** Parsed fonts no rendering is using; at most {@link #MAX_IDLE_PARSED} are kept. */
  private final Deque<Parsed> idle = new ConcurrentLinkedDeque<>();

  /**
   * The tables a subset keeps: those PDFBox keeps in its own subsets, and the character map, names and metrics it
   * reads when it adds the subset to a document (the vertical metrics and layout tables only made the file larger).
   */
  private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
      "hmtx", "fpgm", "gasp", "cmap", "OS/2", "name", "post");

  /** Each character's width, once measured (NaN: no glyph). */
  private final Map<Integer, Float> unitWidths = new ConcurrentHashMap<>();
  /** The whole font in a document of its own, for measuring only; made at the first measurement. */
  private PDType0Font measuring;

  /** As many parsed fonts as renderings usually run at once (the job executor's threads and a PDF preview). */
  private static final int MAX_IDLE_PARSED = 4;

  /**
   * The font at {@code configured} when it is usable, else the first usable one of {@code fallbacks}.
   *
   * @param configured the configured font file, or {@code null} for none
   * @param fallbacks the locations to try after it, in order ({@link #DEBIAN_LOCATIONS}, or none)
   * @throws JapaneseFontUnavailableException when no location holds a usable font
   */
  public JapaneseFont(Path configured, List<Path> fallbacks) {
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(configured);
    }
    candidates.addAll(fallbacks);
    List<String> attempts = new ArrayList<>();
    for (Path candidate : candidates) {
      Candidate found;
      try {
        found = examine(candidate);
      } catch (IOException | RuntimeException e) {
        attempts.add(candidate + ": " + describe(e));
        continue;
      }
      if (found.problem() != null) {
        attempts.add(candidate + ": " + found.problem());
        continue;
      }
      if (!attempts.isEmpty() && configured != null) {
        LOG.log(System.Logger.Level.WARNING, "The configured PDF font could not be used ({0}); using {1}",
            String.join("; ", attempts), candidate);
      }
      this.path = candidate;
      this.name = found.name();
      this.data = found.data();
      this.collection = found.collection();
      return;
    }
    throw new JapaneseFontUnavailableException(attempts);
  }

  /** The font the system property {@value #PATH_PROPERTY} names, else the first of {@link #DEBIAN_LOCATIONS}. */
  public static JapaneseFont locate() {
    String configured = System.getProperty(PATH_PROPERTY);
    return new JapaneseFont(configured == null || configured.isBlank() ? null : Path.of(configured.strip()),
        DEBIAN_LOCATIONS);
  }

  /** The font at {@code path} and nowhere else. */
  public static JapaneseFont at(Path path) {
    return new JapaneseFont(path, List.of());
  }

  /** The font file used. */
  public Path path() {
    return path;
  }

  /** The PostScript name of the font used ({@code IPAexGothic}); for a collection, of its member used. */
  public String name() {
    return name;
  }

  /** What a rendering does with the font once it is added to the document: draws and saves the document. */
  @FunctionalInterface
  interface Use<T> {
    T apply(PDType0Font font) throws IOException;
  }

  /**
   * Adds the font to {@code document}, to be embedded as a subset of the glyphs the document shows, and runs
   * {@code use}, which must save the document: the subset is taken from the parsed font when the document is saved.
   * The parsed font is kept for the next rendering unless {@code use} failed, which may leave it half read.
   */
  <T> T embedWhile(PDDocument document, Use<T> use) throws IOException {
    // Not closed with the document: the parsed font outlives it.
    return withParsed(font -> use.apply(PDType0Font.load(document, font, true)));
  }

  /** What is done with a parsed font of the pool. */
  @FunctionalInterface
  private interface WithParsed<T> {
    T apply(TrueTypeFont font) throws IOException;
  }

  /**
   * Runs {@code work} with a parsed font to itself, then keeps the font for the next rendering unless {@code work}
   * failed, which may leave it half read.
   */
  private <T> T withParsed(WithParsed<T> work) throws IOException {
    Parsed parsed = idle.pollFirst();
    if (parsed == null) {
      parsed = parse();
    }
    T result;
    try {
      result = work.apply(parsed.font());
    } catch (IOException | RuntimeException e) {
      parsed.close();
      throw e;
    }
    if (idle.size() < MAX_IDLE_PARSED) {
      idle.offerFirst(parsed);
    } else {
      parsed.close();
    }
    return result;
  }

  /**
   * The widths layout measures with: the whole font's, through PDFBox as it measures the embedded font, so that a
   * document embedding a subset of the font lays out exactly as one embedding the whole. Safe for concurrent use;
   * each character is measured once.
   */
  PdfCanvas.Widths widths() {
    return this::unitWidth;
  }

  private float unitWidth(int codePoint) {
    Float known = unitWidths.get(codePoint);
    if (known != null) {
      return known;
    }
    float width;
    synchronized (unitWidths) {
      try {
        if (measuring == null) {
          // never saved: only measures; its parsed font stays open with it
          measuring = PDType0Font.load(new PDDocument(), parse().font(), true);
        }
        width = measuring.getStringWidth(new String(Character.toChars(codePoint)));
      } catch (IllegalArgumentException noGlyph) {
        width = Float.NaN;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    unitWidths.put(codePoint, width);
    return width;
  }

  /**
   * Adds to {@code document} a font made of the glyphs of {@code codePoints} only, embedded whole, and runs
   * {@code use}, which must save the document. Much cheaper than {@link #embedWhile}: PDFBox builds the width
   * table of every glyph of the font it is given when the font is added to a document, and subsets it again on
   * saving; given the subset, both are a few hundred glyphs instead of the whole font's ~16 000. The subset is named
   * with a tag made from the characters ({@code ABCDEF+IPAexGothic}), so equal text gives equal bytes.
   *
   * <p>A character beyond the Basic Multilingual Plane (as in a name's 𠮟) sends the document through
   * {@link #embedWhile}: the subset's character map holds that plane only.
   */
  <T> T embedSubsetWhile(PDDocument document, Set<Integer> codePoints, Use<T> use) throws IOException {
    if (codePoints.stream().anyMatch(c -> !Character.isBmpCodePoint(c))) {
      return embedWhile(document, use);
    }
    byte[] subset = subset(codePoints);
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(subset))) {
      font.setEnableGsub(false);
      return use.apply(PDType0Font.load(document, font, false));
    }
  }

  private byte[] subset(Set<Integer> codePoints) throws IOException {
    return withParsed(font -> {
      TTFSubsetter subsetter = new TTFSubsetter(font, SUBSET_TABLES);
      subsetter.setPrefix(tag(codePoints));
      subsetter.addAll(codePoints);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      subsetter.writeToStream(out);
      return out.toByteArray();
    });
  }

  /** Six capital letters from the characters, as PDF names a subset font: {@code ABCDEF+}. */
  private static String tag(Set<Integer> codePoints) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    codePoints.stream().sorted().forEach(c -> digest.update(ByteBuffer.allocate(4).putInt(c).array()));
    byte[] hash = digest.digest();
    StringBuilder tag = new StringBuilder(7);
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + Math.floorMod(hash[i], 26)));
    }
    return tag.append('+').toString();
  }

  /**
   * The font parsed from memory; for a collection, its member, which the collection holds open. Its glyph
   * substitutions (GSUB) are off: applications are set horizontally, one glyph per character, as {@link PdfCanvas}
   * measures them, and PDFBox applying the table to every line of text was most of the cost of rendering.
   */
  private Parsed parse() throws IOException {
    if (!collection) {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
      font.setEnableGsub(false);
      return new Parsed(font, font);
    }
    TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data));
    TrueTypeFont member = ttc.getFontByName(name);
    if (member == null) {
      ttc.close();
      throw new IOException("font " + name + " is no longer in " + path);
    }
    member.setEnableGsub(false);
    return new Parsed(member, ttc);
  }

  private record Parsed(TrueTypeFont font, Closeable owner) {

    void close() {
      try {
        owner.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "Closing a parsed font failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return name + " (" + path + ")";
  }

  private record Candidate(String name, byte[] data, boolean collection, String problem) {

    static Candidate unusable(String problem) {
      return new Candidate(null, null, false, problem);
    }
  }

  private static Candidate examine(Path candidate) throws IOException {
    if (!Files.exists(candidate)) {
      return Candidate.unusable("not found");
    }
    if (!Files.isRegularFile(candidate) || !Files.isReadable(candidate)) {
      return Candidate.unusable("not a readable file");
    }
    byte[] data = Files.readAllBytes(candidate);
    String tag = data.length >= 4 ? new String(data, 0, 4, StandardCharsets.ISO_8859_1) : "";
    if ("OTTO".equals(tag)) {
      return Candidate.unusable("an OpenType font with PostScript (CFF) outlines, which PDFBox cannot embed "
          + "as a subset");
    }
    if ("ttcf".equals(tag)) {
      return examineCollection(data);
    }
    if (!Arrays.asList("\u0000\u0001\u0000\u0000", "true").contains(tag)) {
      return Candidate.unusable("not a TrueType font file");
    }
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
    try (font) {
      String problem = problemOf(font);
      if (problem == null) {
        problem = trialEmbedding(document -> PDType0Font.load(document, new RandomAccessReadBuffer(data), true,
            false));
      }
      return problem == null ? new Candidate(font.getName(), data, false, null) : Candidate.unusable(problem);
    }
  }

  private static Candidate examineCollection(byte[] data) throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> usable = new ArrayList<>();
    try (TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data))) {
      ttc.processAllFonts(member -> {
        if (!usable.isEmpty()) {
          return;
        }
        String problem = problemOf(member);
        if (problem == null) {
          problem = trialEmbedding(document -> PDType0Font.load(document, member, true));
        }
        if (problem == null) {
          usable.add(member.getName());
        } else {
          problems.add(member.getName() + " " + problem);
        }
      });
    }
    return usable.isEmpty()
        ? Candidate.unusable("a font collection with no usable member (" + String.join(", ", problems) + ")")
        : new Candidate(usable.get(0), data, true, null);
  }

  /** Why PDFBox cannot embed the font for Japanese text, or {@code null}. */
  private static String problemOf(TrueTypeFont font) throws IOException {
    if (!font.getTableMap().containsKey("glyf")) {
      return "has no TrueType outlines (glyf): PDFBox cannot embed it as a subset";
    }
    CmapLookup cmap = font.getUnicodeCmapLookup(false);
    if (cmap == null) {
      return "has no Unicode character map";
    }
    StringBuilder missing = new StringBuilder();
    PROBE.codePoints().filter(c -> cmap.getGlyphId(c) == 0).forEach(missing::appendCodePoint);
    return missing.isEmpty() ? null : "has no glyphs for Japanese text (" + missing + ")";
  }

  private interface Loader {
    PDType0Font load(PDDocument document) throws IOException;
  }

  /** Embeds the font in a throw-away document showing {@link #PROBE}: {@code null} when that works. */
  private static String trialEmbedding(Loader loader) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDType0Font font = loader.load(document);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 10);
        content.showText(PROBE);
        content.endText();
      }
      document.save(OutputStream.nullOutputStream());
      return null;
    } catch (IOException | RuntimeException e) {
      return "cannot be embedded (" + describe(e) + ")";
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
