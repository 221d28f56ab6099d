package org.madoguchi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.CheckDigits;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.MyNumber;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/**
 * Synthetic residents and move-out notices with realistic Japanese names, addresses and ages. The same
 * seed and day give the same data: ages are fixed relative to {@code today}, so a "family with a
 * 2-year-old" is one on the day the demo is generated.
 */
final class DemoDataGenerator {

  /** A household as generated: where it lives and its members (the head first). */
  record GeneratedHousehold(String postalCode, String address, String addressLine2, List<GeneratedMember> members) {
  }

  record GeneratedMember(PersonName name, LocalDate birthDate, Sex sex, String relationship, boolean head,
      StatusFlags flags) {
  }

  /** The kinds of households that move in, each exercising different related procedures. */
  enum NoticeKind {
    FAMILY_OF_FIVE_ON_NHI, YOUNG_FAMILY_EMPLOYED, FAMILY_WITH_TEENAGERS, SINGLE_SALARIED, SELF_EMPLOYED,
    ELDERLY_COUPLE, LATE_STAGE_ELDERLY, CARE_CERTIFIED_PARENT_WITH_CHILD, SCHOOL_AGE_BOUNDARY, STUDENT
  }

  private static final String[][] FAMILY_NAMES = {
      {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
      {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
      {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
      {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
      {"西郷", "サイゴウ"}, {"有村", "アリムラ"}, {"東郷", "トウゴウ"}, {"上村", "ウエムラ"}, {"川畑", "カワバタ"},
      {"福元", "フクモト"}, {"前田", "マエダ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋口", "ハシグチ"}};
  private static final String[][] MALE_NAMES = {
      {"大翔", "ヒロト"}, {"蓮", "レン"}, {"悠真", "ユウマ"}, {"湊", "ミナト"}, {"健太", "ケンタ"},
      {"翔太", "ショウタ"}, {"大輔", "ダイスケ"}, {"誠", "マコト"}, {"浩二", "コウジ"}, {"隆", "タカシ"},
      {"正男", "マサオ"}, {"清", "キヨシ"}, {"和也", "カズヤ"}, {"拓海", "タクミ"}, {"陽斗", "ハルト"}};
  private static final String[][] FEMALE_NAMES = {
      {"陽葵", "ヒマリ"}, {"凛", "リン"}, {"結菜", "ユイナ"}, {"芽依", "メイ"}, {"美咲", "ミサキ"},
      {"愛", "アイ"}, {"由美", "ユミ"}, {"恵子", "ケイコ"}, {"和子", "カズコ"}, {"幸子", "サチコ"},
      {"真由美", "マユミ"}, {"彩", "アヤ"}, {"さくら", "サクラ"}, {"葵", "アオイ"}, {"千尋", "チヒロ"}};
  private static final String[][] HOME_TOWNS = {
      {"892-0816", "鹿児島県鹿児島市山下町"}, {"890-0053", "鹿児島県鹿児島市中央町"},
      {"892-0847", "鹿児島県鹿児島市西千石町"}, {"890-0054", "鹿児島県鹿児島市荒田一丁目"},
      {"890-0082", "鹿児島県鹿児島市紫原三丁目"}, {"892-0871", "鹿児島県鹿児島市吉野町"},
      {"890-0073", "鹿児島県鹿児島市宇宿二丁目"}, {"891-0141", "鹿児島県鹿児島市谷山中央四丁目"},
      {"890-0005", "鹿児島県鹿児島市伊敷五丁目"}, {"890-0032", "鹿児島県鹿児島市西田一丁目"}};
  /** Towns of the demo's second municipality, by its local government code; any other has HOME_TOWNS. */
  private static final Map<String, String[][]> TOWNS = Map.of(
      "462187", new String[][] {{"899-4332", "鹿児島県霧島市国分中央三丁目"}, {"899-5117", "鹿児島県霧島市隼人町真孝"},
          {"899-4304", "鹿児島県霧島市国分清水一丁目"}});
  /** Previous municipalities: 5-digit code (check digit computed) and the address prefix. */
  private static final String[][] OTHER_MUNICIPALITIES = {
      {"40133", "福岡市中央区", "福岡県福岡市中央区天神二丁目"}, {"43101", "熊本市中央区", "熊本県熊本市中央区水前寺一丁目"},
      {"45201", "宮崎市", "宮崎県宮崎市橘通西三丁目"}, {"13112", "世田谷区", "東京都世田谷区三軒茶屋二丁目"},
      {"27127", "大阪市北区", "大阪府大阪市北区梅田一丁目"}, {"14109", "横浜市港北区", "神奈川県横浜市港北区日吉本町四丁目"},
      {"46218", "霧島市", "鹿児島県霧島市国分中央三丁目"}, {"23101", "名古屋市千種区", "愛知県名古屋市千種区今池五丁目"},
      {"01101", "札幌市中央区", "北海道札幌市中央区北一条西二丁目"}, {"47201", "那覇市", "沖縄県那覇市久茂地一丁目"}};

  private final Random random;
  private final LocalDate today;

  DemoDataGenerator(long seed, LocalDate today) {
    this.random = new Random(seed);
    this.today = today;
  }

  /** An existing household of the home municipality: one to five members of mixed ages. */
  GeneratedHousehold residentHousehold() {
    String[] family = pick(FAMILY_NAMES);
    List<GeneratedMember> members = new ArrayList<>();
    int headAge = 22 + random.nextInt(65);
    boolean headMale = random.nextInt(10) < 7;
    members.add(person(family, headMale ? Sex.MALE : Sex.FEMALE, headAge, "世帯主", true, flagsForAge(headAge)));
    if (headAge < 85 && random.nextInt(10) < 7) {
      int spouseAge = Math.max(20, headAge + random.nextInt(7) - 3);
      members.add(person(family, headMale ? Sex.FEMALE : Sex.MALE, spouseAge, headMale ? "妻" : "夫", false,
          flagsForAge(spouseAge)));
    }
    if (headAge < 55) {
      int children = random.nextInt(4);
      for (int i = 0; i < children; i++) {
        int age = Math.max(0, headAge - 24 - random.nextInt(14));
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        members.add(person(family, sex, age, sex == Sex.MALE ? "子" : "子", false, flagsForAge(age)));
      }
    }
    String[] town = pick(HOME_TOWNS);
    return new GeneratedHousehold(town[0], town[1] + block(), apartment(), members);
  }

  /**
   * A household about to move in to {@code toMunicipalityCode}, of the given kind, with the notice its previous
   * municipality (never the same one) sent.
   */
  MoveOutNotice moveOutNotice(String id, String toMunicipalityCode, NoticeKind kind) {
    String[] family = pick(FAMILY_NAMES);
    List<GeneratedMember> members = switch (kind) {
      case FAMILY_OF_FIVE_ON_NHI -> List.of(
          person(family, Sex.MALE, 40, "世帯主", true, nhi(true)),
          person(family, Sex.FEMALE, 38, "妻", false, nhi(true)),
          person(family, Sex.MALE, 10, "子", false, nhiChild()),
          person(family, Sex.FEMALE, 7, "子", false, nhiChild()),
          person(family, Sex.MALE, 2, "子", false, nhiChild()));
      case YOUNG_FAMILY_EMPLOYED -> List.of(
          person(family, Sex.MALE, 33, "世帯主", true, employed()),
          person(family, Sex.FEMALE, 31, "妻", false, employed()),
          person(family, Sex.FEMALE, 4, "子", false, StatusFlags.NONE),
          person(family, Sex.MALE, 0, "子", false, StatusFlags.NONE));
      case FAMILY_WITH_TEENAGERS -> List.of(
          person(family, Sex.FEMALE, 46, "世帯主", true, nhi(true)),
          person(family, Sex.MALE, 17, "子", false, nhiChild()),
          person(family, Sex.FEMALE, 13, "子", false, nhiChild()));
      case SINGLE_SALARIED -> List.of(person(family, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, 28, "世帯主",
          true, employed()));
      case SELF_EMPLOYED -> List.of(person(family, Sex.MALE, 36, "世帯主", true, nhi(true)));
      case ELDERLY_COUPLE -> List.of(
          person(family, Sex.MALE, 71, "世帯主", true, nhi(false)),
          person(family, Sex.FEMALE, 67, "妻", false, nhi(false)));
      case LATE_STAGE_ELDERLY -> List.of(
          person(family, Sex.MALE, 81, "世帯主", true, lateStage(false)),
          person(family, Sex.FEMALE, 77, "妻", false, lateStage(false)));
      case CARE_CERTIFIED_PARENT_WITH_CHILD -> List.of(
          person(family, Sex.MALE, 52, "世帯主", true, employed()),
          person(family, Sex.FEMALE, 84, "母", false, lateStage(true)));
      case SCHOOL_AGE_BOUNDARY -> List.of(
          person(family, Sex.FEMALE, 37, "世帯主", true, employed()),
          childBornOn(family, Sex.MALE, LocalDate.of(schoolYearStart().getYear() - 6, 4, 1)),
          childBornOn(family, Sex.FEMALE, LocalDate.of(schoolYearStart().getYear() - 6, 4, 2)));
      case STUDENT -> List.of(person(family, Sex.FEMALE, 19, "世帯主", true, nhi(false)));
    };
    String[] from = pick(OTHER_MUNICIPALITIES);
    while (toMunicipalityCode.equals(from[0] + CheckDigits.localGovernmentCheckDigit(from[0]))) {
      from = pick(OTHER_MUNICIPALITIES);
    }
    String[] town = pick(TOWNS.getOrDefault(toMunicipalityCode, HOME_TOWNS));
    LocalDate planned = today.minusDays(random.nextInt(7));
    List<HouseholdMember> noticeMembers = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      GeneratedMember m = members.get(i);
      noticeMembers.add(new HouseholdMember(id + "-" + (i + 1), m.name(), m.birthDate(), m.sex(),
          m.relationship(), m.head(), m.flags()));
    }
    return new MoveOutNotice(id, random.nextInt(3) == 0 ? MoveOutNotice.Source.ONLINE_MOVING_SERVICE
        : MoveOutNotice.Source.JUKI_NET, toMunicipalityCode,
        from[0] + CheckDigits.localGovernmentCheckDigit(from[0]), from[1], from[2] + block(),
        planned.minusDays(3 + random.nextInt(10)), planned, town[0], town[1] + block(), apartment(), noticeMembers);
  }

  /** A synthetic 個人番号 with a valid check digit; the leading 9 keeps it apart from the real issuing ranges. */
  MyNumber myNumber() {
    StringBuilder digits = new StringBuilder("9");
    for (int i = 0; i < 10; i++) {
      digits.append(random.nextInt(10));
    }
    return MyNumber.of(digits.toString() + MyNumber.checkDigit(digits));
  }

  private GeneratedMember childBornOn(String[] family, Sex sex, LocalDate birthDate) {
    String[] given = pick(sex == Sex.MALE ? MALE_NAMES : FEMALE_NAMES);
    return new GeneratedMember(new PersonName(family[0], given[0], family[1], given[1]), birthDate, sex, "子", false,
        new StatusFlags(false, false, false, false, false, random.nextInt(4) > 0));
  }

  private GeneratedMember person(String[] family, Sex sex, int age, String relationship, boolean head,
      StatusFlags flags) {
    String[] given = pick(sex == Sex.MALE ? MALE_NAMES : FEMALE_NAMES);
    LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(360));
    return new GeneratedMember(new PersonName(family[0], given[0], family[1], given[1]), birthDate, sex,
        relationship, head, flags);
  }

  private StatusFlags flagsForAge(int age) {
    if (age >= 75) {
      return lateStage(random.nextInt(5) == 0);
    }
    if (age >= 65) {
      return nhi(false);
    }
    return random.nextInt(3) == 0 ? nhi(age >= 20 && age < 60) : employed();
  }

  private StatusFlags nhi(boolean nationalPension) {
    return new StatusFlags(true, false, false, nationalPension, false, card());
  }

  private StatusFlags nhiChild() {
    return new StatusFlags(true, false, false, false, false, card());
  }

  private StatusFlags employed() {
    return new StatusFlags(false, false, false, false, false, card());
  }

  private StatusFlags lateStage(boolean careCertified) {
    return new StatusFlags(false, true, careCertified, false, false, card());
  }

  private boolean card() {
    return random.nextInt(4) > 0;
  }

  private LocalDate schoolYearStart() {
    LocalDate start = LocalDate.of(today.getYear(), 4, 1);
    return today.isBefore(start) ? start.minusYears(1) : start;
  }

  private String block() {
    return (1 + random.nextInt(20)) + "番" + (1 + random.nextInt(30)) + "号";
  }

  private String apartment() {
    return random.nextInt(3) == 0 ? "コーポ" + pick(new String[][] {{"桜島"}, {"城山"}, {"天文館"}, {"錦江"}})[0]
        + (100 + random.nextInt(5) * 100 + 1 + random.nextInt(8)) + "号室" : null;
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
