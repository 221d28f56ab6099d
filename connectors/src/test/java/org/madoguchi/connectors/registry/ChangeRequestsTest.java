package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A move-out or move-within request that the registry would refuse for its form cannot be made at all. */
class ChangeRequestsTest {

  private static final String HEAD = CheckDigits.withModulus11("000100001");
  private static final String CHILD = CheckDigits.withModulus11("000100002");
  private static final LocalDate DAY = LocalDate.of(2026, 9, 30);

  @Test
  void aWrongCheckDigitIsRefusedNamingItsPositionNotTheNumber() {
    // given
    String wrong = CHILD.substring(0, 9) + ((CHILD.charAt(9) - '0' + 1) % 10);

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(HEAD, wrong), DAY, DAY, "札幌市"))
        .withMessageContaining("atenaNumbers[1]").withMessageContaining("check digit")
        .withMessageNotContaining(wrong);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveWithinRequest("R-1", List.of(wrong), DAY, DAY, "8900062", "鹿児島市", null))
        .withMessageContaining("atenaNumbers[0]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "00010000２", "0001000011 "})
  void somethingThatIsNoAtenaNumberIsRefused(String notAnAtenaNumber) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(notAnAtenaNumber), DAY, DAY, "札幌市"));
  }

  @Test
  void aResidentNamedTwiceIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveWithinRequest("R-1", List.of(HEAD, CHILD, HEAD), DAY, DAY, "8900062", "鹿児島市",
            null))
        .withMessageContaining("atenaNumbers[2]");
  }

  @Test
  void aRequestNamingNobodyIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(), DAY, DAY, "札幌市"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", null, DAY, DAY, "札幌市"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void aRequestWithoutARequestIdIsRefused(String requestId) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest(requestId, List.of(HEAD), DAY, DAY, "札幌市"))
        .withMessageContaining("idempotency key");
  }

  @Test
  void aRequestIdLongerThanTheIdempotencyKeyAllowsIsRefused() {
    assertThat(new MoveOutRequest("R".repeat(64), List.of(HEAD), DAY, DAY, "札幌市").requestId()).hasSize(64);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R".repeat(65), List.of(HEAD), DAY, DAY, "札幌市"));
  }

  @Test
  void everyRequiredFieldIsRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(HEAD), null, DAY, "札幌市")).withMessageContaining("date");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(HEAD), DAY, null, "札幌市")).withMessageContaining("date");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveOutRequest("R-1", List.of(HEAD), DAY, DAY, " ")).withMessageContaining("destination");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveWithinRequest("R-1", List.of(HEAD), DAY, DAY, null, "鹿児島市", null))
        .withMessageContaining("postal code");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MoveWithinRequest("R-1", List.of(HEAD), DAY, DAY, "8900062", "", null))
        .withMessageContaining("address");
  }

  @Test
  void aRequestKeepsItsOwnCopyOfTheResidentsNamed() {
    // given
    List<String> atenaNumbers = new ArrayList<>(List.of(HEAD, CHILD));
    MoveOutRequest request = new MoveOutRequest("R-1", atenaNumbers, DAY, DAY, "札幌市");

    // when
    atenaNumbers.clear();

    // then
    assertThat(request.atenaNumbers()).containsExactly(HEAD, CHILD);
  }
}
