package org.madoguchi.connectors.card;

/**
 * The BER-TLV encoding the card's files use (ISO/IEC 7816-4): tags of one to three bytes, lengths in the
 * short form or the long forms {@code 81 xx}, {@code 82 xx xx} and {@code 83 xx xx xx}. Anything else,
 * or an element running past its container, makes the file unreadable.
 */
final class BerTlv {

  /** The longest header: a 3-byte tag and a 4-byte length. */
  static final int MAX_HEADER_LENGTH = 7;

  private BerTlv() {
  }

  /** One element; its value is {@code data[valueOffset, valueOffset + valueLength)}. */
  record Element(int tag, int valueOffset, int valueLength) {

    int end() {
      return valueOffset + valueLength;
    }
  }

  /**
   * The element that starts at {@code offset} and must end at or before {@code limit}.
   *
   * @throws UnreadableCardException if the bytes there are not a complete element
   */
  static Element read(byte[] data, int offset, int limit) {
    Element element = header(data, offset, limit);
    if (element == null || element.end() > limit) {
      throw garbled();
    }
    return element;
  }

  /**
   * The total length (header and value) of the element whose first bytes are {@code header}, or -1 when
   * {@code header} is too short to tell.
   *
   * @throws UnreadableCardException if the header is not a BER-TLV header
   */
  static int totalLength(byte[] header) {
    Element element = header(header, 0, header.length);
    return element == null ? -1 : element.end();
  }

  /** The tag and length at {@code offset}, or null when the bytes end before the header does. */
  private static Element header(byte[] data, int offset, int limit) {
    int position = offset;
    if (position >= limit) {
      return null;
    }
    int tag = data[position++] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      int tagBytes = 1;
      int next;
      do {
        if (++tagBytes > 3) {
          throw garbled();
        }
        if (position >= limit) {
          return null;
        }
        next = data[position++] & 0xFF;
        tag = (tag << 8) | next;
      } while ((next & 0x80) != 0);
    }
    if (position >= limit) {
      return null;
    }
    int first = data[position++] & 0xFF;
    int length;
    if (first < 0x80) {
      length = first;
    } else if (first >= 0x81 && first <= 0x83) {
      int count = first - 0x80;
      if (position + count > limit) {
        return null;
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (data[position++] & 0xFF);
      }
    } else {
      throw garbled(); // 0x80 (indefinite) and 84+ have no place in these files
    }
    return new Element(tag, position, length);
  }

  static UnreadableCardException garbled() {
    return new UnreadableCardException("データの形式が壊れています", "garbled TLV data");
  }
}
