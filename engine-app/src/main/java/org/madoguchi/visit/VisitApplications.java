package org.madoguchi.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.JapaneseCalendar;
import org.madoguchi.forms.Application;
import org.madoguchi.forms.FieldSource;
import org.madoguchi.forms.FilledApplication;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;
import org.madoguchi.forms.FormField;
import org.madoguchi.forms.WritingBurden;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.procedure.ProcedureDefinition;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.stereotype.Component;

/**
 * The applications (申請書・届出書) a visit files, filled from what the municipality holds: the life event's own
 * notification for the whole household, and one per proposed procedure case. Each field takes its value from
 * where its form says — the notice, the registry, the interview — so the resident writes nothing.
 */
@Component
public class VisitApplications {

  /** The notification every move-in files: 住民異動届. */
  static final String NOTIFICATION_FORM = "move-in-notification";

  private final FormCatalog forms;
  private final ProcedureCatalog procedures;
  private final VisitService visits;
  private final FeelExpressions feel;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  VisitApplications(FormCatalog forms, ProcedureCatalog procedures, VisitService visits, FeelExpressions feel,
      MunicipalityProperties municipality, Clock clock) {
    this.forms = forms;
    this.procedures = procedures;
    this.visits = visits;
    this.feel = feel;
    this.municipality = municipality;
    this.clock = clock;
  }

  /** Each application with the members its list holds, filled and signed with {@code signaturePng}. */
  public List<FilledApplication> fill(Visit visit, byte[] signaturePng) {
    InterviewAnswers answers = visits.currentAnswers(visit);
    LocalDate referenceDate = visits.effectiveDate(visit);
    HouseholdFacts facts = HouseholdFacts.of(visit.household(), referenceDate, answers);
    LocalDate signedOn = visit.submittedAt() == null ? null
        : LocalDate.ofInstant(visit.submittedAt(), clock.getZone());
    List<FilledApplication> filled = new ArrayList<>();
    for (Listed listed : applications(visit, facts)) {
      filled.add(fill(visit, listed, facts, answers, referenceDate, signaturePng, signedOn));
    }
    return filled;
  }

  /** The writing burden of the visit: on paper, and with Madoguchi (ACCEPTANCE's burden call). */
  public WritingBurden burden(Visit visit) {
    HouseholdFacts facts = HouseholdFacts.of(visit.household(), visits.effectiveDate(visit),
        visits.currentAnswers(visit));
    return WritingBurden.of(forms, applications(visit, facts).stream()
        .map(listed -> Application.of(listed.form().id(), listed.members().size())).toList());
  }

  private List<Listed> applications(Visit visit, HouseholdFacts facts) {
    List<Listed> applications = new ArrayList<>();
    forms.find(NOTIFICATION_FORM).ifPresent(form ->
        applications.add(new Listed(form, visit.household().head(), visit.household().members())));
    for (ProposedProcedure proposed : visit.proposedProcedures()) {
      Optional<ProcedureDefinition> procedure = procedures.find(proposed.processKey());
      Optional<FormDefinition> form = procedure.flatMap(p -> forms.find(p.applicationFormId()));
      if (form.isEmpty()) {
        continue;
      }
      List<HouseholdMember> concerned = proposed.memberIds().stream()
          .map(id -> visit.household().member(id).orElseThrow()).toList();
      String condition = procedure.get().listedMembers();
      List<HouseholdMember> listed = condition == null ? concerned : visit.household().members().stream()
          .filter(m -> feel.test(condition, facts.contextFor(m.id(), Map.of()))).toList();
      applications.add(new Listed(form.get(), concerned.get(0), listed));
    }
    return applications;
  }

  private FilledApplication fill(Visit visit, Listed listed, HouseholdFacts facts, InterviewAnswers answers,
      LocalDate referenceDate, byte[] signaturePng, LocalDate signedOn) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Map<String, String>> rows = new ArrayList<>();
    listed.members().forEach(m -> rows.add(new LinkedHashMap<>()));
    for (FormField field : listed.form().fields()) {
      if (field.repeated()) {
        for (int i = 0; i < listed.members().size(); i++) {
          put(rows.get(i), field, value(visit, field, listed.members().get(i), facts, answers, referenceDate,
              signedOn));
        }
      } else {
        put(values, field, value(visit, field, listed.applicant(), facts, answers, referenceDate, signedOn));
      }
    }
    return new FilledApplication(listed.form(), values, rows, signaturePng, signedOn, municipality.name());
  }

  private static void put(Map<String, String> values, FormField field, String value) {
    if (value != null) {
      values.put(field.key(), value);
    }
  }

  private String value(Visit visit, FormField field, HouseholdMember member, HouseholdFacts facts,
      InterviewAnswers answers, LocalDate referenceDate, LocalDate signedOn) {
    if (field.source() == FieldSource.PREFILL) {
      return prefill(visit, field.prefillPath(), member, facts, referenceDate, signedOn);
    }
    if (field.source() == FieldSource.INTERVIEW && field.interviewKey() != null) {
      Object answer = answers.forMember(member.id()).getOrDefault(field.interviewKey(),
          answers.household().get(field.interviewKey()));
      return answer instanceof Boolean yes ? (yes ? "はい" : "いいえ") : answer == null ? null : answer.toString();
    }
    return null;
  }

  private String prefill(Visit visit, String path, HouseholdMember member, HouseholdFacts facts,
      LocalDate referenceDate, LocalDate signedOn) {
    VisitHousehold household = visit.household();
    Map<String, String> atenaNumbers = visit.registration() == null ? Map.of()
        : visit.registration().atenaNumberByMemberRef();
    if (path.startsWith("member.")) {
      return memberValue(path.substring("member.".length()), member, facts, atenaNumbers);
    }
    if (path.startsWith("household.head.")) {
      return memberValue(path.substring("household.head.".length()), household.head(), facts, atenaNumbers);
    }
    if (path.startsWith("household.spouse.")) {
      return household.members().stream().filter(m -> "妻".equals(m.relationship()) || "夫".equals(m.relationship()))
          .findFirst().map(spouse -> memberValue(path.substring("household.spouse.".length()), spouse, facts,
              atenaNumbers)).orElse(null);
    }
    return switch (path) {
      case "household.address" -> household.address();
      case "household.postalCode" -> household.postalCode();
      case "household.addressLine2" -> household.addressLine2();
      case "household.previousAddress" -> household.previousAddress();
      case "household.fromMunicipalityName" -> household.fromMunicipalityName();
      case "visit.moveInDate" -> JapaneseCalendar.format(referenceDate);
      case "visit.notifiedOn" -> JapaneseCalendar.format(signedOn == null ? LocalDate.now(clock) : signedOn);
      case "registry.householdNumber" -> visit.registration() == null ? null : visit.registration().householdNumber();
      case "municipality.name" -> municipality.name();
      default -> null;
    };
  }

  private static String memberValue(String path, HouseholdMember member, HouseholdFacts facts,
      Map<String, String> atenaNumbers) {
    return switch (path) {
      case "name.familyName" -> member.name().familyName();
      case "name.givenName" -> member.name().givenName();
      case "name.familyNameKana" -> member.name().familyNameKana();
      case "name.givenNameKana" -> member.name().givenNameKana();
      case "name.fullName" -> member.name().fullName();
      case "name.fullNameKana" -> member.name().fullNameKana();
      case "birthDate" -> JapaneseCalendar.format(member.birthDate());
      case "sex" -> member.sex().japanese();
      case "relationship" -> member.relationship();
      case "atenaNumber" -> atenaNumbers.get(member.id());
      case "schoolGrade" -> schoolGrade((Integer) facts.members().get(member.id()).get("ageAtSchoolYearStart"));
      default -> null;
    };
  }

  /** 学年 in the school year: 6 at its start is 小学1年, 12 is 中学1年. */
  private static String schoolGrade(int ageAtSchoolYearStart) {
    if (ageAtSchoolYearStart >= 6 && ageAtSchoolYearStart < 12) {
      return "小学" + (ageAtSchoolYearStart - 5) + "年";
    }
    if (ageAtSchoolYearStart >= 12 && ageAtSchoolYearStart < 15) {
      return "中学" + (ageAtSchoolYearStart - 11) + "年";
    }
    return null;
  }

  /** An application: its form, the member it is for, and the members its list holds. */
  private record Listed(FormDefinition form, HouseholdMember applicant, List<HouseholdMember> members) {
  }
}
