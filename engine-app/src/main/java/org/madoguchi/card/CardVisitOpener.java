package org.madoguchi.card;

import java.util.Arrays;
import java.util.List;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.connectors.card.CardAttributes;
import org.madoguchi.connectors.card.CardLockedException;
import org.madoguchi.connectors.card.CardReaderException;
import org.madoguchi.connectors.card.MyNumberCardReader;
import org.madoguchi.connectors.card.NoCardReaderException;
import org.madoguchi.connectors.card.UnreadableCardException;
import org.madoguchi.connectors.card.WrongPinException;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNoticeSummary;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Opens a visit by reading the resident's My Number card: the card's basic four items (name, birth date)
 * find the move-out notice sent ahead for their household, and the visit opens from that notice. Only the
 * attributes are read, never the number; nothing read is kept beyond finding the notice.
 */
@Service
public class CardVisitOpener {

  private final MyNumberCardReader reader;
  private final MoveOutNoticeConnector notices;
  private final VisitService visits;
  private final AuditLog audit;

  CardVisitOpener(MyNumberCardReader reader, MoveOutNoticeConnector notices, VisitService visits,
      AuditLog audit) {
    this.reader = reader;
    this.notices = notices;
    this.visits = visits;
    this.audit = audit;
  }

  /** Reads the card with the resident's PIN and opens the visit; the PIN array is cleared either way. */
  public Visit open(String lifeEvent, char[] pin) {
    try {
      if (pin == null || pin.length != 4 || !allDigits(pin)) {
        throw ApiException.badRequest("invalid-pin", "暗証番号は数字4桁で入力してください。");
      }
      String municipalityCode = CurrentStaff.get().requireTenantId();
      CardAttributes holder = read(pin);
      List<MoveOutNoticeSummary> found = notices.findPendingFor(municipalityCode, holder.name(),
          holder.birthDate());
      if (found.isEmpty()) {
        audit.record(AuditAction.READ_MY_NUMBER_CARD, null, null, "カード読取: 該当する転出証明書情報なし");
        throw ApiException.notFound("no-notice-for-card",
            "カードの方の転出証明書情報が届いていません。転出証明書をお持ちか確認し、一覧から選んでください。");
      }
      if (found.size() > 1) {
        audit.record(AuditAction.READ_MY_NUMBER_CARD, null, null, "カード読取: 転出証明書情報 " + found.size() + "件");
        throw ApiException.conflict("several-notices-for-card",
            "カードの方の転出証明書情報が" + found.size() + "件あります。一覧から選んでください。");
      }
      Visit visit = visits.open(lifeEvent, found.get(0).id());
      audit.record(AuditAction.READ_MY_NUMBER_CARD, visit.id(), null, "カード読取: 転出証明書情報 " + found.get(0).id());
      return visit;
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  private CardAttributes read(char[] pin) {
    try {
      return reader.readAttributes(pin);
    } catch (WrongPinException e) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "wrong-pin", e.japaneseMessage());
    } catch (CardLockedException e) {
      throw new ApiException(HttpStatus.LOCKED, "card-locked", e.japaneseMessage()
          + "転出証明書の一覧から選ぶか、暗証番号の再設定をご案内ください。");
    } catch (UnreadableCardException e) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-card", "カードを読み取れません（"
          + e.japaneseMessage() + "）。転出証明書の一覧から選んでください。");
    } catch (NoCardReaderException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "no-card-reader", e.japaneseMessage());
    } catch (CardReaderException e) {
      // No card on the reader, or taken off during the read: put it (back) on and try again.
      throw ApiException.conflict("card-not-read", e.japaneseMessage());
    }
  }

  private static boolean allDigits(char[] pin) {
    for (char c : pin) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
