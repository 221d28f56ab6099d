package org.madoguchi.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.madoguchi.forms.PdfCanvas.Align;
import org.madoguchi.forms.PdfCanvas.Cell;

/**
 * Renders a {@link FilledApplication} to the PDF the paperless archive keeps: A4 portrait, in a Japanese font
 * embedded as a subset, laid out as a municipal clerk reads a paper application.
 *
 * <ul>
 *   <li>the form's title, large, at the top; the addressee ({@code 鹿児島市長 様}) and the day the resident signed,
 *       in 和暦 and the Gregorian calendar ({@code 令和7年4月1日（2025年4月1日）});
 *   <li>each field that does not repeat as a row of label and value, under the heading of the group it sits in;
 *       dates in 和暦 and the Gregorian calendar, choices by their label, a My Number (個人番号) masked, never its
 *       digits; a field without a value as an empty row;
 *   <li>the fields repeated per member as a table, one row per member, one column per field;
 *   <li>the visit's signature scaled into a box labelled 署名;
 *   <li>last, in a frame headed 以下、市役所記入欄, what department staff fill in (fields whose source is
 *       {@code staff}, and the other fields of a group that has them);
 *   <li>long values wrapped, further pages as needed, each page numbered {@code 1 / 2}.
 * </ul>
 *
 * <p>The output is a function of the input: the document ID is derived from the application, the creation date
 * is the signing day, and PDFBox writes nothing time-dependent, so an identical application gives identical bytes
 * (and the same SHA-256 in the archive).
 *
 * <p>A character the font has no glyph for (a 外字 outside the font) prints as 〓, as on municipal printouts.
 * An instance is immutable and can render concurrently.
 */
public final class ApplicationPdf {

  /** The PDF producer and creator. */
  public static final String PRODUCER = "Madoguchi";

  /** What the staff-only part of an application is headed with. */
  static final String OFFICE_HEADING = "以下、市役所記入欄";

  /** What a My Number (個人番号) prints as: never its digits, which are not stored anywhere. */
  static final String MASKED_MY_NUMBER = "●●●● ●●●● ●●●●";

  private static final String MY_NUMBER_INTERVIEW = "myNumberReadFromCard";
  private static final String MUNICIPALITY_PREFILL = "municipality.name";
  private static final String MEMBER_NAME_PREFILL = "member.name.fullName";
  private static final TimeZone JAPAN = TimeZone.getTimeZone("Asia/Tokyo");

  private static final float TITLE_SIZE = 20;
  private static final float TITLE_MIN_SIZE = 14;
  private static final float ADDRESSEE_SIZE = 13;
  private static final float BODY_SIZE = 10.5f;
  private static final float LABEL_SIZE = 9.5f;
  private static final float TABLE_SIZE = 9;
  private static final float SMALL_SIZE = 8;
  private static final float LABEL_WIDTH = 156;
  private static final float NUMBER_COLUMN_WIDTH = 22;
  private static final float SIGNATURE_HEIGHT = 78;

  private final JapaneseFont font;

  /** Renders in {@code font}. */
  public ApplicationPdf(JapaneseFont font) {
    this.font = Objects.requireNonNull(font, "font");
  }

  /**
   * Renders in the font {@link JapaneseFont#locate()} finds.
   *
   * @throws JapaneseFontUnavailableException when there is none
   */
  public ApplicationPdf() {
    this(JapaneseFont.locate());
  }

  /** The font applications render in. */
  public JapaneseFont font() {
    return font;
  }

  /**
   * The application as a PDF document.
   *
   * @throws IllegalArgumentException when the signature is not a PNG image
   */
  public byte[] render(FilledApplication application) {
    Objects.requireNonNull(application, "application");
    try (PDDocument document = new PDDocument()) {
      PDImageXObject signature = application.signaturePng() == null ? null
          : SignatureImage.embed(document, application.signaturePng());
      // Laid out twice, the same way: first only to learn which characters it shows, so that the document embeds a
      // font made of those (JapaneseFont#embedSubsetWhile), then drawn.
      PdfCanvas shown = PdfCanvas.recording(font.widths());
      new Layout(application, shown, signature).draw();
      shown.finish();
      return font.embedSubsetWhile(document, shown.recorded(), pdfFont -> {
        PdfCanvas canvas = new PdfCanvas(document, pdfFont, font.widths());
        new Layout(application, canvas, signature).draw();
        canvas.finish();
        describe(document, application);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("could not render application " + application.form().id() + " to PDF", e);
    }
  }

  /** Title, producer, dates and document ID: all from the application, so that equal input gives equal bytes. */
  private void describe(PDDocument document, FilledApplication application) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(application.form().title());
    info.setSubject(application.form().id());
    info.setProducer(PRODUCER);
    info.setCreator(PRODUCER);
    if (application.signedOn() != null) {
      Calendar signed = new GregorianCalendar(JAPAN);
      signed.clear();
      LocalDate day = application.signedOn();
      signed.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
      info.setCreationDate(signed);
      info.setModificationDate(signed);
    }
    document.getDocumentCatalog().setLanguage("ja-JP");
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    document.getDocumentCatalog().setViewerPreferences(preferences);
    byte[] id = Arrays.copyOf(fingerprint(application), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /** A SHA-256 of everything the document shows, and of the font it shows it in. */
  private byte[] fingerprint(FilledApplication application) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<String> parts = new ArrayList<>();
    parts.add(application.form().id());
    parts.add(application.form().title());
    parts.add(String.valueOf(application.municipalityName()));
    parts.add(String.valueOf(application.signedOn()));
    parts.add(font.name());
    new TreeMap<>(application.values()).forEach((k, v) -> {
      parts.add(k);
      parts.add(v);
    });
    for (Map<String, String> member : application.members()) {
      parts.add("member");
      new TreeMap<>(member).forEach((k, v) -> {
        parts.add(k);
        parts.add(v);
      });
    }
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8), (byte) bytes.length});
      digest.update(bytes);
    }
    digest.update(application.signaturePng() == null ? new byte[0] : application.signaturePng());
    return digest.digest();
  }

  /** Where each field of one application goes on the page. */
  private static final class Layout {

    private final FilledApplication application;
    private final FormDefinition form;
    private final PdfCanvas canvas;
    private final PDImageXObject signature;

    Layout(FilledApplication application, PdfCanvas canvas, PDImageXObject signature) {
      this.application = application;
      this.form = application.form();
      this.canvas = canvas;
      this.signature = signature;
    }

    void draw() {
      canvas.onEveryFurtherPage(this::runningTitle);
      canvas.newPage();
      header();
      Set<String> officeSections = officeSections();
      List<FormField> office = new ArrayList<>();
      List<FormField> main = new ArrayList<>();
      for (FormField field : form.fields()) {
        if (field.source() == FieldSource.SIGNATURE || MUNICIPALITY_PREFILL.equals(field.prefillPath())) {
          continue;
        }
        boolean inOffice = field.source() == FieldSource.STAFF
            || !field.repeated() && field.section() != null && officeSections.contains(field.section());
        (inOffice ? office : main).add(field);
      }
      body(main);
      signatureBox();
      officeBox(office);
    }

    /** The sections where department staff fill something in: they go to the office part as a whole. */
    private Set<String> officeSections() {
      return form.fields().stream()
          .filter(f -> f.source() == FieldSource.STAFF && !f.repeated() && f.section() != null)
          .map(FormField::section)
          .collect(Collectors.toSet());
    }

    private void runningTitle() {
      String line = canvas.printable(form.title() + "（続き）");
      canvas.text(line, canvas.left(), PdfCanvas.baseline(canvas.y(), SMALL_SIZE), SMALL_SIZE, false, 0.35f);
      canvas.skip(PdfCanvas.lineHeight(SMALL_SIZE) + 4);
    }

    private void header() {
      String title = canvas.printable(form.title());
      float size = TITLE_SIZE;
      while (size > TITLE_MIN_SIZE && canvas.textWidth(title, size) > canvas.width()) {
        size -= 0.5f;
      }
      for (String line : canvas.wrap(title, size, canvas.width())) {
        float x = canvas.left() + (canvas.width() - canvas.textWidth(line, size)) / 2;
        canvas.text(line, x, PdfCanvas.baseline(canvas.y(), size), size, true, 0f);
        canvas.skip(PdfCanvas.lineHeight(size));
      }
      canvas.skip(14);

      String date = canvas.printable(application.signedOn() == null
          ? "　　　　年　　月　　日"
          : JapaneseDates.both(application.signedOn()));
      float dateX = canvas.right() - canvas.textWidth(date, BODY_SIZE);
      float addresseeWidth = dateX - canvas.left() - 12;
      List<String> addressee = canvas.wrap(canvas.printable(addressee()), ADDRESSEE_SIZE, addresseeWidth);
      float top = canvas.y();
      canvas.text(date, dateX, PdfCanvas.baseline(top, ADDRESSEE_SIZE), BODY_SIZE, false, 0f);
      canvas.paragraph(addressee, canvas.left(), ADDRESSEE_SIZE, false);
      canvas.skip(10);
    }

    private String addressee() {
      String municipality = application.municipalityName();
      if (municipality == null || municipality.isBlank()) {
        municipality = form.fields().stream()
            .filter(f -> MUNICIPALITY_PREFILL.equals(f.prefillPath()) && !f.repeated())
            .map(f -> application.values().get(f.key()))
            .filter(v -> v != null && !v.isBlank())
            .findFirst().orElse("");
      }
      return municipality.isBlank() ? "　　　　　　　　様" : municipality.strip() + "長　様";
    }

    private void body(List<FormField> fields) {
      // blocks in the order the form first mentions them: rows of fields, and a table per repeating list
      Map<String, List<FormField>> tables = new LinkedHashMap<>();
      List<Block> blocks = new ArrayList<>();
      String section = null;
      for (FormField field : fields) {
        if (!Objects.equals(section, field.section())) {
          section = field.section();
          if (section != null && !field.repeated()) {
            blocks.add(new Heading(section));
          }
        }
        if (field.repeated()) {
          String list = String.valueOf(field.section());
          if (!tables.containsKey(list)) {
            tables.put(list, new ArrayList<>());
            blocks.add(new Table(field.section(), tables.get(list)));
          }
          tables.get(list).add(field);
        } else if (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Rows rows) {
          rows.fields().add(field);
        } else {
          blocks.add(new Rows(new ArrayList<>(List.of(field))));
        }
      }
      for (Block block : blocks) {
        if (block instanceof Heading heading) {
          heading(heading.text());
        } else if (block instanceof Rows rows) {
          rows.fields().forEach(f ->
              fieldRow(f.label(), display(f, application.values().get(f.key()), false, false)));
        } else if (block instanceof Table table) {
          memberTable(table.label(), table.columns());
        }
      }
    }

    /** A part of the body: a group's heading, rows of label and value, or a table of the listed members. */
    private sealed interface Block permits Heading, Rows, Table {
    }

    private record Heading(String text) implements Block {
    }

    private record Rows(List<FormField> fields) implements Block {
    }

    private record Table(String label, List<FormField> columns) implements Block {
    }

    private void heading(String text) {
      canvas.skip(6);
      Cell cell = canvas.cell(text, canvas.width(), BODY_SIZE, PdfCanvas.SHADE_HEADING, true, Align.LEFT);
      // keep a heading with the first row under it
      canvas.ensure(cell.height() + PdfCanvas.lineHeight(BODY_SIZE) + 2 * PdfCanvas.PADDING);
      canvas.row(List.of(cell));
    }

    private void fieldRow(String label, String value) {
      canvas.row(fieldCells(label, value));
    }

    private List<Cell> fieldCells(String label, String value) {
      return List.of(
          canvas.cell(label == null ? "" : label, LABEL_WIDTH, LABEL_SIZE, PdfCanvas.SHADE, false, Align.LEFT),
          canvas.cell(value, canvas.width() - LABEL_WIDTH, BODY_SIZE, PdfCanvas.NO_SHADE, false, Align.LEFT));
    }

    private void memberTable(String label, List<FormField> columns) {
      List<Map<String, String>> members = application.members();
      heading((label == null ? "" : label) + "（" + members.size() + "人）");
      List<String> headers = new ArrayList<>();
      headers.add("");
      columns.forEach(c -> headers.add(c.label() == null ? "" : c.label()));
      // dates on one line where the table fits the width so, else the Gregorian date under the 和暦
      List<List<String>> rows = memberRows(columns, members, false);
      if (sum(naturalWidths(headers, rows)) > canvas.width()) {
        rows = memberRows(columns, members, true);
      }
      float[] widths = columnWidths(headers, rows);
      List<Cell> headerCells = new ArrayList<>();
      for (int c = 0; c < headers.size(); c++) {
        headerCells.add(canvas.cell(headers.get(c), widths[c], TABLE_SIZE, PdfCanvas.SHADE, false, Align.CENTER));
      }
      canvas.ensure(headerCells.stream().map(Cell::height).max(Float::compare).orElse(0f)
          + PdfCanvas.lineHeight(TABLE_SIZE) * 2 + 2 * PdfCanvas.PADDING);
      canvas.row(headerCells);
      canvas.whileBreaking(() -> canvas.row(headerCells));
      for (List<String> row : rows) {
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
          cells.add(canvas.cell(row.get(c), widths[c], TABLE_SIZE, c == 0 ? PdfCanvas.SHADE : PdfCanvas.NO_SHADE,
              false, c == 0 ? Align.CENTER : Align.LEFT));
        }
        canvas.row(cells);
      }
      canvas.whileBreaking(null);
    }

    private List<List<String>> memberRows(List<FormField> columns, List<Map<String, String>> members,
        boolean splitDates) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < Math.max(1, members.size()); i++) {
        List<String> row = new ArrayList<>();
        row.add(i < members.size() ? Integer.toString(i + 1) : "");
        for (FormField column : columns) {
          row.add(i < members.size() ? display(column, memberValue(members.get(i), column), false, splitDates) : "");
        }
        rows.add(row);
      }
      return rows;
    }

    /** How wide each column is with every entry on one line (the number column: fixed). */
    private float[] naturalWidths(List<String> headers, List<List<String>> rows) {
      float[] natural = new float[headers.size()];
      for (int c = 0; c < natural.length; c++) {
        float widest = widest(headers.get(c));
        for (List<String> row : rows) {
          widest = Math.max(widest, widest(row.get(c)));
        }
        natural[c] = widest + 2 * PdfCanvas.PADDING + 1;
      }
      natural[0] = NUMBER_COLUMN_WIDTH;
      return natural;
    }

    /**
     * Widths that fill the line. When every column fits as wide as its widest entry, each gets that and an equal
     * share of what is left. Otherwise the widest columns are cut down to a common width (and wrap), so that the
     * narrow ones (a name, a sex, a relationship) keep to one line; no column narrower than its header.
     */
    private float[] columnWidths(List<String> headers, List<List<String>> rows) {
      int n = headers.size();
      float[] natural = naturalWidths(headers, rows);
      float[] floor = new float[n];
      for (int c = 0; c < n; c++) {
        float header = widest(headers.get(c)) + 2 * PdfCanvas.PADDING + 1;
        floor[c] = Math.min(natural[c], Math.max(header, 3 * TABLE_SIZE));
      }
      floor[0] = NUMBER_COLUMN_WIDTH;
      float available = canvas.width();
      float[] widths = new float[n];
      if (sum(natural) <= available) {
        float extra = (available - sum(natural)) / (n - 1);
        for (int c = 0; c < n; c++) {
          widths[c] = natural[c] + (c == 0 ? 0 : extra);
        }
        return widths;
      }
      if (sum(floor) >= available) {
        for (int c = 0; c < n; c++) {
          widths[c] = floor[c] * available / sum(floor);
        }
        return widths;
      }
      // the common width the wide columns are cut to: found by bisection
      float low = 0;
      float high = available;
      for (int i = 0; i < 40; i++) {
        float cut = (low + high) / 2;
        if (sum(capped(natural, floor, cut)) > available) {
          high = cut;
        } else {
          low = cut;
        }
      }
      widths = capped(natural, floor, low);
      float extra = (available - sum(widths)) / (n - 1);
      for (int c = 1; c < n; c++) {
        widths[c] += extra;
      }
      return widths;
    }

    private float widest(String text) {
      float widest = 0;
      for (String line : canvas.printable(text).split("\n")) {
        widest = Math.max(widest, canvas.textWidth(line, TABLE_SIZE));
      }
      return widest;
    }

    private static float[] capped(float[] natural, float[] floor, float cut) {
      float[] widths = new float[natural.length];
      for (int c = 0; c < natural.length; c++) {
        widths[c] = Math.max(floor[c], Math.min(natural[c], cut));
      }
      return widths;
    }

    private static float sum(float[] values) {
      float sum = 0;
      for (float v : values) {
        sum += v;
      }
      return sum;
    }

    private void signatureBox() {
      FormField field = form.fields().stream().filter(f -> f.source() == FieldSource.SIGNATURE).findFirst()
          .orElse(null);
      if (field == null && signature == null) {
        return;
      }
      canvas.skip(10);
      float labelSize = BODY_SIZE;
      List<String> caption = field == null || field.label() == null ? List.of()
          : canvas.wrap(canvas.printable(field.label()), SMALL_SIZE, LABEL_WIDTH - 2 * PdfCanvas.PADDING);
      float height = Math.max(SIGNATURE_HEIGHT, PdfCanvas.lineHeight(labelSize)
          + caption.size() * PdfCanvas.lineHeight(SMALL_SIZE) + 2 * PdfCanvas.PADDING);
      canvas.ensure(height);
      float top = canvas.y();
      float bottom = top - height;
      canvas.fillRect(canvas.left(), bottom, LABEL_WIDTH, height, PdfCanvas.SHADE);
      canvas.strokeRect(canvas.left(), bottom, LABEL_WIDTH, height, PdfCanvas.BORDER);
      canvas.strokeRect(canvas.left() + LABEL_WIDTH, bottom, canvas.width() - LABEL_WIDTH, height, 1.2f);
      float x = canvas.left() + PdfCanvas.PADDING;
      float lineTop = top - PdfCanvas.PADDING;
      canvas.text("署名", x, PdfCanvas.baseline(lineTop, labelSize), labelSize, true, 0f);
      lineTop -= PdfCanvas.lineHeight(labelSize);
      for (String line : caption) {
        canvas.text(line, x, PdfCanvas.baseline(lineTop, SMALL_SIZE), SMALL_SIZE, false, 0.3f);
        lineTop -= PdfCanvas.lineHeight(SMALL_SIZE);
      }
      if (signature != null) {
        float boxWidth = canvas.width() - LABEL_WIDTH - 16;
        float boxHeight = height - 12;
        float scale = Math.min(boxWidth / signature.getWidth(), boxHeight / signature.getHeight());
        float w = signature.getWidth() * scale;
        float h = signature.getHeight() * scale;
        canvas.image(signature, canvas.left() + LABEL_WIDTH + 8, bottom + (height - h) / 2, w, h);
      }
      canvas.skip(height);
    }

    private void officeBox(List<FormField> fields) {
      if (fields.isEmpty()) {
        return;
      }
      List<List<Cell>> rows = new ArrayList<>();
      String section = null;
      for (FormField field : fields) {
        if (field.section() != null && !field.section().equals(section)) {
          section = field.section();
          rows.add(List.of(
              canvas.cell(section, canvas.width(), LABEL_SIZE, PdfCanvas.SHADE_HEADING, true, Align.LEFT)));
        }
        String label = field.label() == null ? "" : field.label();
        if (field.repeated()) {
          List<Map<String, String>> members = application.members();
          for (int i = 0; i < members.size(); i++) {
            rows.add(fieldCells(label + "（" + memberName(members.get(i), i) + "）",
                display(field, memberValue(members.get(i), field), true, false)));
          }
        } else {
          rows.add(fieldCells(label, display(field, application.values().get(field.key()), true, false)));
        }
      }
      float headingSize = BODY_SIZE;
      float headingHeight = PdfCanvas.lineHeight(headingSize) + 4;
      float height = headingHeight;
      for (List<Cell> row : rows) {
        height += row.stream().map(Cell::height).max(Float::compare).orElse(0f);
      }
      canvas.skip(16);
      // the office part on one page where it fits on one, else at least its heading and a few rows together
      float page = PdfCanvas.PAGE.getHeight() - PdfCanvas.MARGIN_TOP - PdfCanvas.MARGIN_BOTTOM - 2 * headingHeight;
      canvas.ensure(height <= page ? height : headingHeight + 4 * PdfCanvas.lineHeight(BODY_SIZE));
      String heading = canvas.printable(OFFICE_HEADING);
      float textWidth = canvas.textWidth(heading, headingSize);
      float middle = canvas.y() - PdfCanvas.lineHeight(headingSize) / 2;
      float textX = canvas.left() + (canvas.width() - textWidth) / 2;
      canvas.line(canvas.left(), middle, textX - 8, middle, 0.8f, true);
      canvas.line(textX + textWidth + 8, middle, canvas.right(), middle, 0.8f, true);
      canvas.text(heading, textX, PdfCanvas.baseline(canvas.y(), headingSize), headingSize, true, 0f);
      canvas.skip(headingHeight);
      canvas.beginFrame();
      rows.forEach(canvas::row);
      canvas.endFrame();
    }

    private String memberName(Map<String, String> member, int index) {
      return form.fields().stream()
          .filter(f -> f.repeated() && MEMBER_NAME_PREFILL.equals(f.prefillPath()))
          .map(f -> memberValue(member, f))
          .filter(v -> v != null && !v.isBlank())
          .findFirst().orElse((index + 1) + "人目");
    }

    /** A member's value of a repeated field: by its key ({@code members.name}), or else its last segment. */
    private static String memberValue(Map<String, String> member, FormField field) {
      String value = member.get(field.key());
      if (value == null) {
        value = member.get(field.key().substring(field.key().lastIndexOf('.') + 1));
      }
      return value;
    }

    /**
     * A value as the form prints it: empty when missing; a My Number masked; a date in 和暦 and Gregorian; a
     * choice by its label; a checkbox as ■ or □. In the office part, an unanswered choice lists its options.
     */
    private static String display(FormField field, String value, boolean office, boolean splitDate) {
      boolean missing = value == null || value.isBlank();
      if ("checkbox".equals(field.type())) {
        return "true".equalsIgnoreCase(value == null ? "" : value.strip()) ? "■" : "□";
      }
      if (missing) {
        return office && !field.options().isEmpty()
            ? field.options().values().stream().map(o -> "□" + o).collect(Collectors.joining("　"))
            : "";
      }
      if (MY_NUMBER_INTERVIEW.equals(field.interviewKey()) || "個人番号".equals(field.paperItem())) {
        return MASKED_MY_NUMBER;
      }
      if ("datetime".equals(field.type())) {
        String text = value.strip();
        try {
          LocalDate date = LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T'
              ? text.substring(0, 10) : text);
          String both = JapaneseDates.both(date);
          // in a table's narrow column, the Gregorian date goes on a line of its own
          return splitDate ? both.replace("（", "\n（") : both;
        } catch (DateTimeParseException e) {
          return value;
        }
      }
      return field.options().getOrDefault(value, value);
    }
  }
}
