package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsFieldsAndTheLineEachRecordStartsOn() throws Exception {
    // given
    String csv = "a,b,c\r\n1,,3\n\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n";

    // when
    List<CsvReader.Row> rows = CsvReader.read(csv);

    // then
    assertThat(rows).containsExactly(
        new CsvReader.Row(1, List.of("a", "b", "c")),
        new CsvReader.Row(2, List.of("1", "", "3")),
        new CsvReader.Row(4, List.of("x, y", "say \"hi\"", "two\nlines")),
        new CsvReader.Row(6, List.of("last", "", "")));
  }

  @Test
  void aFileWithoutAFinalLineBreakKeepsItsLastRecord() throws Exception {
    assertThat(CsvReader.read("a,b\n1,2")).extracting(CsvReader.Row::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"));
  }

  @Test
  void anEmptyQuotedFieldIsARecord() throws Exception {
    assertThat(CsvReader.read("\"\"\n")).containsExactly(new CsvReader.Row(1, List.of("")));
  }

  @Test
  void aQuoteLeftOpenIsReportedAtTheLineItOpens() {
    // when
    CsvReader.MalformedCsv malformed = catchThrowableOfType(() -> CsvReader.read("a,b\n1,\"open\n\n2,3\n"),
        CsvReader.MalformedCsv.class);

    // then
    assertThat(malformed.line()).isEqualTo(2);
    assertThat(malformed).hasMessageContaining("never closed");
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    // when
    CsvReader.MalformedCsv malformed = catchThrowableOfType(() -> CsvReader.read("a,b\n\"佐藤\"太郎,2\n"),
        CsvReader.MalformedCsv.class);

    // then
    assertThat(malformed.line()).isEqualTo(2);
    assertThat(malformed).hasMessageContaining("after the closing quote").hasMessageNotContaining("佐藤");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsMalformed() {
    // when
    CsvReader.MalformedCsv malformed = catchThrowableOfType(() -> CsvReader.read("a,b\r\n1,\r\nx\"y,2\r\n"),
        CsvReader.MalformedCsv.class);

    // then
    assertThat(malformed.line()).isEqualTo(3);
  }
}
