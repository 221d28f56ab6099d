package org.madoguchi.forms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A household of five moving to Kagoshima, and the applications it files, filled as the counter fills them. */
final class SampleApplications {

  static final String ADDRESS = "鹿児島県鹿児島市中央町10番1号";
  static final LocalDate SIGNED_ON = LocalDate.of(2025, 4, 1);

  record Person(String name, String kana, LocalDate birthDate, String sex, String relationship, String atena) {
  }

  static final Person HEAD = new Person("薩摩　太郎", "サツマ　タロウ", LocalDate.of(1985, 4, 2), "MALE", "世帯主",
      "100000001");
  static final Person SPOUSE = new Person("薩摩　花子", "サツマ　ハナコ", LocalDate.of(1987, 9, 15), "FEMALE", "妻",
      "100000002");
  static final Person SON = new Person("薩摩　一郎", "サツマ　イチロウ", LocalDate.of(2015, 6, 1), "MALE", "子",
      "100000003");
  static final Person DAUGHTER = new Person("薩摩　桜", "サツマ　サクラ", LocalDate.of(2019, 5, 1), "FEMALE", "子",
      "100000004");
  static final Person MOTHER = new Person("薩摩　ウメ", "サツマ　ウメ", LocalDate.of(1940, 1, 20), "FEMALE", "母",
      "100000005");
  static final List<Person> HOUSEHOLD = List.of(HEAD, SPOUSE, SON, DAUGHTER, MOTHER);

  static final byte[] SIGNATURE = signaturePng();

  private SampleApplications() {
  }

  /** The person a form is about where it is about one: the pupil, the elderly insured, otherwise the head. */
  static Person subjectOf(FormDefinition form) {
    return switch (form.id()) {
      case "school-enrollment-application" -> SON;
      case "late-stage-elderly-medical-application", "long-term-care-application" -> MOTHER;
      default -> HEAD;
    };
  }

  /** Whom a form's member list lists: the children on child forms, the whole household elsewhere. */
  static List<Person> listedBy(FormDefinition form) {
    return form.id().startsWith("child-") ? List.of(SON, DAUGHTER) : HOUSEHOLD;
  }

  /** The form filled for the household, signed. */
  static FilledApplication filled(FormDefinition form) {
    return filled(form, subjectOf(form), listedBy(form), ADDRESS);
  }

  static FilledApplication filled(FormDefinition form, Person subject, List<Person> listed, String address) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      if (!field.repeated()) {
        String value = valueOf(field, subject, address);
        if (value != null) {
          values.put(field.key(), value);
        }
      }
    }
    List<Map<String, String>> members = new ArrayList<>();
    for (Person person : listed) {
      Map<String, String> member = new LinkedHashMap<>();
      for (FormField field : form.fields()) {
        if (field.repeated()) {
          String value = valueOf(field, person, address);
          if (value != null) {
            member.put(field.key(), value);
          }
        }
      }
      members.add(member);
    }
    return new FilledApplication(form, values, members, SIGNATURE, SIGNED_ON, "鹿児島市");
  }

  private static String valueOf(FormField field, Person person, String address) {
    if (field.source() == FieldSource.PREFILL) {
      return switch (field.prefillPath()) {
        case "member.name.fullName" -> person.name();
        case "member.name.fullNameKana" -> person.kana();
        case "member.birthDate" -> person.birthDate().toString();
        case "member.sex" -> person.sex();
        case "member.relationship" -> person.relationship();
        case "member.atenaNumber" -> person.atena();
        case "member.schoolGrade" -> "小学校4年";
        case "household.address" -> address;
        case "household.postalCode" -> "890-0053";
        case "household.addressLine2" -> "中央ハイツ101号室";
        case "household.previousAddress" -> "東京都千代田区霞が関1丁目2番3号";
        case "household.fromMunicipalityName" -> "東京都千代田区";
        case "household.head.name.fullName" -> HEAD.name();
        case "household.head.name.fullNameKana" -> HEAD.kana();
        case "household.head.birthDate" -> HEAD.birthDate().toString();
        case "household.spouse.name.fullName" -> SPOUSE.name();
        case "visit.moveInDate" -> "2025-03-28";
        case "visit.notifiedOn" -> SIGNED_ON.toString();
        case "registry.householdNumber" -> "0012345";
        case "municipality.name" -> "鹿児島市";
        default -> null;
      };
    }
    if (field.source() == FieldSource.INTERVIEW) {
      return switch (field.interviewKey()) {
        case "phoneNumber" -> "099-224-1111";
        case "employerName" -> "株式会社さつま物産（営業職）";
        case "previousSchool" -> "千代田区立麹町小学校";
        case "payeeAccount" -> switch (field.key()) {
          case "bankName" -> "鹿児島銀行 本店営業部";
          case "accountNumber" -> "普通 1234567";
          default -> "サツマ　タロウ";
        };
        case "employerHealthInsurance" -> "NHI";
        case "employeePension" -> "EMPLOYEE";
        case "myNumberReadFromCard" -> "123456789012";
        default -> null;
      };
    }
    return null;
  }

  /** A signature-like stroke, as the counter's tablet sends it. */
  static byte[] signaturePng() {
    BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(20, 20, 60));
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Float stroke = new Path2D.Float();
    stroke.moveTo(40, 120);
    stroke.curveTo(90, 20, 140, 180, 190, 90);
    stroke.curveTo(230, 30, 260, 160, 320, 100);
    stroke.curveTo(380, 40, 420, 170, 480, 80);
    stroke.lineTo(560, 110);
    g.draw(stroke);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
