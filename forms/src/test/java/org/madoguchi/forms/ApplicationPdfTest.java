package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.forms.SampleApplications.ADDRESS;
import static org.madoguchi.forms.SampleApplications.HEAD;
import static org.madoguchi.forms.SampleApplications.HOUSEHOLD;
import static org.madoguchi.forms.SampleApplications.SIGNED_ON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationPdfTest {

  static {
    QuietFontWarnings.install();
  }

  private static final FormCatalog FORMS = FormCatalog.fromClasspath();
  private static final ApplicationPdf PDF = new ApplicationPdf(JapaneseFont.locate());

  private final FormDefinition moveIn = FORMS.get("move-in-notification");

  @Test
  void rendersEveryPackagedFormWithItsTitleTheResidentsKanjiNameAddressAndWarekiDate() {
    assertThat(FORMS.forms()).hasSize(10);
    for (FormDefinition form : FORMS.forms()) {
      String text = compact(text(PDF.render(SampleApplications.filled(form))));
      assertThat(text).as(form.id())
          .contains(compact(form.title()))
          .contains(compact(SampleApplications.subjectOf(form).name()))
          .contains(ADDRESS)
          .contains("鹿児島市長様")
          .contains("令和7年4月1日（2025年4月1日）");
    }
  }

  @Test
  void keepsTheFullWidthSpaceOfAJapaneseName() {
    assertThat(text(PDF.render(SampleApplications.filled(moveIn)))).contains("薩摩　太郎", "サツマ　タロウ");
  }

  @Test
  void printsDatesInWarekiWithTheFirstYearOfAnEraAsGannen() {
    String text = compact(text(PDF.render(SampleApplications.filled(moveIn))));
    assertThat(text)
        .contains("令和7年3月28日（2025年3月28日）")   // the move-in date
        // in the member table, the Gregorian date on a line of its own
        .contains("昭和60年4月2日", "（1985年4月2日）")  // the head's birth date
        .contains("令和元年5月1日", "（2019年5月1日）"); // the daughter, born on Reiwa's first day
  }

  @Test
  void listsEveryMemberOfAFiveMemberHouseholdInATable() {
    String text = text(PDF.render(SampleApplications.filled(moveIn)));
    assertThat(compact(text)).contains("異動する人（5人）");
    HOUSEHOLD.forEach(person -> assertThat(text).contains(person.name(), person.kana(), person.atena()));
    // one table row per member: the name and the kana of a member on the same line
    HOUSEHOLD.forEach(person -> assertThat(text.lines())
        .anySatisfy(line -> assertThat(line).contains(person.name(), person.kana(), person.relationship())));
  }

  @Test
  void printsAChoiceByItsLabel() {
    String text = text(PDF.render(SampleApplications.filled(moveIn)));
    assertThat(text).contains("女").doesNotContain("FEMALE", "MALE");
  }

  @Test
  void wrapsALongAddressWithinTheMarginsWithoutLosingACharacter() {
    String longAddress = "鹿児島県鹿児島市中央町10番1号　鹿児島中央駅前ツインタワーマンション・サウスウィング"
        + "棟　二十三階　二三〇一号室（管理組合気付、郵便物は一階管理人室の宅配ボックスへお願いします。）";
    byte[] pdf = PDF.render(SampleApplications.filled(moveIn, HEAD, HOUSEHOLD, longAddress));

    String text = text(pdf);
    assertThat(text).doesNotContain(longAddress);              // it does not fit on one line
    assertThat(compact(text)).contains(compact(longAddress));  // and every character is there, in order
    float rightMargin = PdfCanvas.PAGE.getWidth() - PdfCanvas.MARGIN_X;
    assertThat(glyphs(pdf)).allSatisfy(glyph -> assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
        .as(glyph.getUnicode()).isLessThanOrEqualTo(rightMargin + 0.5f));
  }

  @Test
  void continuesOnFurtherPagesNumberedWithTheTableHeaderRepeated() {
    List<SampleApplications.Person> many = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      many.add(new SampleApplications.Person("薩摩　" + "太郎次郎三郎四郎".substring(0, 1 + i % 8) + i,
          "サツマ　タロウ", LocalDate.of(1980 + i % 40, 1 + i % 12, 1 + i % 28), "MALE", "子", "1000" + i));
    }
    byte[] pdf = PDF.render(SampleApplications.filled(moveIn, HEAD, many, ADDRESS));

    int pages = pageCount(pdf);
    assertThat(pages).isGreaterThanOrEqualTo(2);
    String text = text(pdf);
    IntStream.rangeClosed(1, pages).forEach(page -> assertThat(text).contains(page + " / " + pages));
    many.forEach(person -> assertThat(compact(text)).contains(compact(person.name())));
    assertThat(text.lines().filter(l -> l.contains("フリガナ") && l.contains("続柄"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(text).contains(moveIn.title() + "（続き）");
  }

  @Test
  void numbersASinglePageOneOfOne() {
    byte[] pdf = PDF.render(SampleApplications.filled(FORMS.get("seal-registration-application")));
    assertThat(pageCount(pdf)).isEqualTo(1);
    assertThat(text(pdf)).contains("1 / 1");
  }

  @Test
  void showsTheSignatureInTheBoxLabelledShomei() throws IOException {
    byte[] pdf = PDF.render(SampleApplications.filled(moveIn));
    assertThat(images(pdf)).hasSize(1).first().satisfies(image -> {
      assertThat(image.getWidth()).isEqualTo(600);
      assertThat(image.getHeight()).isEqualTo(200);
    });
    assertThat(text(pdf)).contains("署名", "届出人 氏名（署名）");
  }

  @Test
  void leavesTheSignatureBoxEmptyBeforeSigning() {
    FilledApplication filled = SampleApplications.filled(moveIn);
    byte[] pdf = PDF.render(new FilledApplication(moveIn, filled.values(), filled.members(), null, null, "鹿児島市"));
    assertThat(images(pdf)).isEmpty();
    assertThat(text(pdf)).contains("署名").doesNotContain("null");
  }

  @Test
  void refusesASignatureThatIsNotAPng() {
    FilledApplication filled = SampleApplications.filled(moveIn);
    FilledApplication notPng = new FilledApplication(moveIn, filled.values(), filled.members(),
        "GIF89a".getBytes(), SIGNED_ON, "鹿児島市");
    assertThatThrownBy(() -> PDF.render(notPng)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PNG");
  }

  @Test
  void printsAMissingValueAsAnEmptyRowAndNeverNull() {
    FilledApplication empty = new FilledApplication(moveIn, Map.of(), List.of(Map.of()), null, null, null);
    String text = text(PDF.render(empty));
    assertThat(text).doesNotContainIgnoringCase("null");
    // every label is still there, for the clerk to see what is missing
    moveIn.fields().stream()
        .filter(f -> f.source() != FieldSource.SIGNATURE && !"municipality.name".equals(f.prefillPath()))
        .forEach(f -> assertThat(compact(text)).contains(compact(f.label())));
    assertThat(compact(text)).contains("年月日様");  // blank date and addressee for the clerk to complete
  }

  @Test
  void putsWhatDepartmentStaffFillInLastUnderTheOfficeHeading() {
    String text = compact(text(PDF.render(SampleApplications.filled(moveIn))));
    int heading = text.indexOf("以下、市役所記入欄");
    assertThat(heading).isPositive();
    assertThat(text.indexOf("確認者")).isGreaterThan(heading);
    assertThat(text.indexOf("住民記録に入力済み")).isGreaterThan(heading);
    assertThat(text.indexOf("世帯番号0012345")).isGreaterThan(heading);  // the office group as a whole
    assertThat(text.indexOf("署名")).isLessThan(heading);
    assertThat(text.indexOf("電話番号")).isLessThan(heading);
  }

  @Test
  void listsARepeatedStaffFieldOncePerMemberInTheOfficePart() {
    String text = compact(text(PDF.render(SampleApplications.filled(FORMS.get("nhi-enrollment-application")))));
    int heading = text.indexOf("以下、市役所記入欄");
    HOUSEHOLD.forEach(person -> assertThat(text.indexOf("被保険者番号（" + compact(person.name()) + "）"))
        .as(person.name()).isGreaterThan(heading));
  }

  @Test
  void listsTheOptionsOfAnUnansweredStaffChoice() {
    String text = compact(text(PDF.render(SampleApplications.filled(FORMS.get("national-pension-application")))));
    assertThat(text).contains("□第1号□第3号");
  }

  @Test
  void masksAMyNumberAndNeverPrintsItsDigits() {
    FormDefinition nhi = FORMS.get("nhi-enrollment-application");
    String text = text(PDF.render(SampleApplications.filled(nhi)));
    assertThat(text).doesNotContain("123456789012").doesNotContain("9012");
    assertThat(text).contains(ApplicationPdf.MASKED_MY_NUMBER);
  }

  @Test
  void printsACharacterTheFontLacksAsGeta() {
    SampleApplications.Person gaiji = new SampleApplications.Person("薩摩\uE000太郎", "サツマ　タロウ",
        HEAD.birthDate(), "MALE", "世帯主", "1");
    String text = text(PDF.render(SampleApplications.filled(moveIn, gaiji, List.of(gaiji), ADDRESS)));
    assertThat(text).contains("薩摩〓太郎");
  }

  @Test
  void printsAKanjiBeyondTheBasicPlane() {
    // 𠮟 (U+20B9F) is in JIS X 0213 and in the font, but beyond what a subset's character map holds
    SampleApplications.Person beyond = new SampleApplications.Person("𠮟田太郎", "シッタ　タロウ",
        HEAD.birthDate(), "MALE", "世帯主", "1");
    String text = text(PDF.render(SampleApplications.filled(moveIn, beyond, List.of(beyond), ADDRESS)));
    assertThat(text).contains("𠮟田太郎").doesNotContain("〓");
  }

  @Test
  void embedsTheJapaneseFontAsASubset() throws IOException {
    byte[] pdf = PDF.render(SampleApplications.filled(moveIn));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      List<PDFont> fonts = new ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
      assertThat(fonts).singleElement().satisfies(font -> {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+" + PDF.font().name());  // the subset tag
        // the embedded subset's widths are the whole font's, which the layout measured with
        float measured = (float) "鹿児島市長様".codePoints().mapToDouble(c -> PDF.font().widths().unitWidth(c)).sum();
        assertThat(font.getStringWidth("鹿児島市長様")).isEqualTo(measured);
      });
    }
    // the whole IPAex font is 6 MB: a subset is what keeps an application small
    assertThat(pdf.length).isLessThan(300_000);
  }

  @Test
  void describesTheDocumentWithItsTitleProducerAndSigningDay() throws IOException {
    try (PDDocument document = Loader.loadPDF(PDF.render(SampleApplications.filled(moveIn)))) {
      var info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("住民異動届（転入）");
      assertThat(info.getProducer()).isEqualTo("Madoguchi");
      Calendar created = info.getCreationDate();
      created.setTimeZone(TimeZone.getTimeZone("Asia/Tokyo"));
      assertThat(LocalDate.of(created.get(Calendar.YEAR), created.get(Calendar.MONTH) + 1,
          created.get(Calendar.DAY_OF_MONTH))).isEqualTo(SIGNED_ON);
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ja-JP");
    }
  }

  @Test
  void rendersTheSameBytesForTheSameApplication() {
    FilledApplication application = SampleApplications.filled(moveIn);
    byte[] first = PDF.render(application);
    byte[] again = new ApplicationPdf(JapaneseFont.locate()).render(SampleApplications.filled(moveIn));
    assertThat(again).isEqualTo(first);

    FilledApplication later = new FilledApplication(moveIn, application.values(), application.members(),
        application.signaturePng(), SIGNED_ON.plusDays(1), application.municipalityName());
    assertThat(PDF.render(later)).isNotEqualTo(first);
  }

  @Test
  void rendersTheSameBytesWhenRenderingsRunAtOnceAndAfterOneFailed() throws Exception {
    ApplicationPdf pdf = new ApplicationPdf(JapaneseFont.locate());
    FilledApplication application = SampleApplications.filled(moveIn);
    byte[] alone = pdf.render(application);
    FilledApplication badSignature = new FilledApplication(moveIn, application.values(), application.members(),
        "GIF89a not a png".getBytes(StandardCharsets.US_ASCII), SIGNED_ON, application.municipalityName());
    assertThatThrownBy(() -> pdf.render(badSignature)).isInstanceOf(IllegalArgumentException.class);

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> renderings = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        renderings.add(threads.submit(() -> pdf.render(application)));
      }
      for (Future<byte[]> rendering : renderings) {
        assertThat(rendering.get(60, TimeUnit.SECONDS)).isEqualTo(alone);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void rendersTenApplicationsQuickly() {
    List<FilledApplication> applications = FORMS.forms().stream().map(SampleApplications::filled).toList();
    applications.forEach(PDF::render);  // warm up
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long bytes = applications.stream().mapToLong(a -> PDF.render(a).length).sum();
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    long millis = (System.nanoTime() - start) / 1_000_000;
    // no timing assertion: a loaded build machine says nothing about the counter
    System.out.printf("rendered %d applications (%d bytes) in %d ms (%d ms of CPU)%n", applications.size(), bytes,
        millis, cpuMillis);
    assertThat(bytes).isPositive();
  }

  @Test
  void refusesToRenderWithoutAUsableFont(@TempDir Path dir) throws IOException {
    Path notAFont = Files.writeString(dir.resolve("ipaexg.ttf"), "not a font");
    assertThatThrownBy(() -> new ApplicationPdf(new JapaneseFont(notAFont, List.of())))
        .isInstanceOf(JapaneseFontUnavailableException.class)
        .hasMessageContaining("fonts-ipaexfont-gothic")
        .hasMessageContaining(notAFont.toString());
  }

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text without any white space (PDF text extraction places spaces and line breaks by position). */
  static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]", "");
  }

  private static int pageCount(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<PDImageXObject> images(byte[] pdf) {
    List<PDImageXObject> images = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
          if (resources.getXObject(name) instanceof PDImageXObject image) {
            images.add(image);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return images;
  }

  private static List<TextPosition> glyphs(byte[] pdf) {
    List<TextPosition> glyphs = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
          glyphs.addAll(positions);
          super.writeString(text, positions);
        }
      };
      stripper.getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return glyphs;
  }
}
