package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class SignatureImageTest {

  @Test
  void keepsEveryPixelAndItsTransparency() throws IOException {
    BufferedImage source = new BufferedImage(7, 3, BufferedImage.TYPE_INT_ARGB);
    source.setRGB(0, 0, new Color(20, 20, 60, 255).getRGB());
    source.setRGB(3, 1, new Color(200, 10, 30, 128).getRGB());
    source.setRGB(6, 2, new Color(0, 0, 0, 0).getRGB());

    BufferedImage read = roundTrip(png(source));

    assertThat(read.getWidth()).isEqualTo(7);
    assertThat(read.getHeight()).isEqualTo(3);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 7; x++) {
        int expected = source.getRGB(x, y);
        int actual = read.getRGB(x, y);
        assertThat(actual >>> 24).as("alpha at %d,%d", x, y).isEqualTo(expected >>> 24);
        if (expected >>> 24 != 0) {
          assertThat(actual & 0xFFFFFF).as("colour at %d,%d", x, y).isEqualTo(expected & 0xFFFFFF);
        }
      }
    }
  }

  @Test
  void anOpaqueSignatureHasNoSoftMask() throws IOException {
    BufferedImage source = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    source.setRGB(1, 1, 0x1A1A1A);
    try (PDDocument document = new PDDocument()) {
      PDImageXObject image = SignatureImage.embed(document, png(source));
      assertThat(image.getCOSObject().getItem(COSName.SMASK)).isNull();
      assertThat(image.getImage().getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x1A1A1A);
    }
  }

  @Test
  void theSameSignatureEmbedsAlikeInEveryDocument() throws IOException {
    byte[] png = SampleApplications.signaturePng();
    assertThat(pixels(roundTrip(png))).isEqualTo(pixels(roundTrip(png.clone())));
  }

  @Test
  void refusesWhatIsNotAPng() {
    try (PDDocument document = new PDDocument()) {
      assertThatThrownBy(() -> SignatureImage.embed(document, "GIF89a".getBytes()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PNG");
      byte[] truncated = Arrays.copyOf(SampleApplications.signaturePng(), 40);
      assertThatThrownBy(() -> SignatureImage.embed(document, truncated))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The image as a saved and reloaded PDF shows it, soft mask applied as alpha. */
  private static BufferedImage roundTrip(byte[] png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDImageXObject image = SignatureImage.embed(document, png);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(image, 10, 10);
      }
      document.save(out);
    }
    try (PDDocument reloaded = Loader.loadPDF(out.toByteArray())) {
      PDImageXObject image = (PDImageXObject) reloaded.getPage(0).getResources()
          .getXObject(reloaded.getPage(0).getResources().getXObjectNames().iterator().next());
      return image.getImage();
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
