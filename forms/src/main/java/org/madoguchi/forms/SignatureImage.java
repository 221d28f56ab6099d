package org.madoguchi.forms;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A signature PNG as a PDF image: 8-bit RGB samples, and its transparency as a soft mask, each deflated.
 *
 * <p>One signature is embedded in every application of the visit it was given for. Decoding the PNG and
 * compressing it again was most of the cost of rendering an application (PDFBox tries five PNG predictors per
 * row), so the compressed samples of the last few signatures are kept, by the SHA-256 of the PNG, and each
 * document only wraps them.
 */
final class SignatureImage {

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** A visit's applications are rendered together; a few entries cover the visits being signed at once. */
  private static final int KEPT = 8;

  private final int width;
  private final int height;
  private final byte[] deflatedRgb;
  /** {@code null} when every pixel is opaque. */
  private final byte[] deflatedAlpha;

  private SignatureImage(int width, int height, byte[] deflatedRgb, byte[] deflatedAlpha) {
    this.width = width;
    this.height = height;
    this.deflatedRgb = deflatedRgb;
    this.deflatedAlpha = deflatedAlpha;
  }

  /** Compressed signatures by the SHA-256 of their PNG, least recently used first. */
  private static final Map<String, SignatureImage> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SignatureImage> eldest) {
      return size() > KEPT;
    }
  };

  /**
   * The signature {@code png} as an image of {@code document}.
   *
   * @throws IllegalArgumentException when {@code png} is not a PNG image or cannot be decoded
   */
  static PDImageXObject embed(PDDocument document, byte[] png) throws IOException {
    if (png.length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(png, PNG_MAGIC.length), PNG_MAGIC)) {
      throw new IllegalArgumentException("the signature is not a PNG image");
    }
    String key = sha256(png);
    SignatureImage image;
    synchronized (RECENT) {
      image = RECENT.get(key);
    }
    if (image == null) {
      image = decode(png);
      synchronized (RECENT) {
        RECENT.put(key, image);
      }
    }
    return image.embedIn(document);
  }

  private PDImageXObject embedIn(PDDocument document) throws IOException {
    PDImageXObject color = new PDImageXObject(document, new ByteArrayInputStream(deflatedRgb),
        COSName.FLATE_DECODE, width, height, 8, PDDeviceRGB.INSTANCE);
    if (deflatedAlpha != null) {
      PDImageXObject mask = new PDImageXObject(document, new ByteArrayInputStream(deflatedAlpha),
          COSName.FLATE_DECODE, width, height, 8, PDDeviceGray.INSTANCE);
      color.getCOSObject().setItem(COSName.SMASK, mask);
    }
    return color;
  }

  private static SignatureImage decode(byte[] png) {
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the signature PNG cannot be read: " + e.getMessage(), e);
    }
    if (decoded == null || decoded.getWidth() == 0 || decoded.getHeight() == 0) {
      throw new IllegalArgumentException("the signature PNG cannot be read");
    }
    int width = decoded.getWidth();
    int height = decoded.getHeight();
    byte[] rgb = new byte[width * height * 3];
    byte[] alpha = new byte[width * height];
    boolean transparent = false;
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      // sRGB whatever the PNG's colour type and bit depth
      decoded.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int argb = row[x];
        int at = y * width + x;
        rgb[3 * at] = (byte) (argb >>> 16);
        rgb[3 * at + 1] = (byte) (argb >>> 8);
        rgb[3 * at + 2] = (byte) argb;
        alpha[at] = (byte) (argb >>> 24);
        transparent |= (argb >>> 24) != 0xFF;
      }
    }
    return new SignatureImage(width, height, deflate(rgb), transparent ? deflate(alpha) : null);
  }

  private static byte[] deflate(byte[] samples) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(samples);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, samples.length / 8));
      byte[] buffer = new byte[16 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
