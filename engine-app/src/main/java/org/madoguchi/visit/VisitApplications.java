package org.madoguchi.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.forms.Application;
import org.madoguchi.forms.FieldSource;
import org.madoguchi.forms.FilledApplication;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;
import org.madoguchi.forms.FormField;
import org.madoguchi.forms.WritingBurden;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.procedure.ProcedureDefinition;
import org.madoguchi.tenant.Tenants;
import org.springframework.stereotype.Component;

/**
 * The applications (申請書・届出書) a visit files, filled from what the municipality holds: the life event's own
 * notification for the whole household, and one per proposed procedure case. Each field takes its value from
 * where its form says — the notice, the registry, the interview — so the resident writes nothing. Values are as the
 * form's data holds them (a date {@code 2025-04-01}, a choice by its option's value), so that form-js shows them and
 * the PDF prints them in the Japanese calendar.
 */
@Component
public class VisitApplications {

  /** The notification every move-in files: 住民異動届. */
  static final String NOTIFICATION_FORM = "move-in-notification";
  private static final String HEAD_PREFIX = "household.head.";
  private static final String SPOUSE_PREFIX = "household.spouse.";

  private final FormCatalog forms;
  private final ProcedureCatalog procedures;
  private final VisitService visits;
  private final FeelExpressions feel;
  private final Tenants tenants;
  private final Clock clock;

  VisitApplications(FormCatalog forms, ProcedureCatalog procedures, VisitService visits, FeelExpressions feel,
      Tenants tenants, Clock clock) {
    this.forms = forms;
    this.procedures = procedures;
    this.visits = visits;
    this.feel = feel;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** Each application with the members its list holds, filled and signed with {@code signaturePng}. */
  public List<FilledApplication> fill(Visit visit, byte[] signaturePng) {
    InterviewAnswers answers = visits.currentAnswers(visit);
    LocalDate referenceDate = visits.effectiveDate(visit);
    HouseholdFacts facts = HouseholdFacts.of(visit.household(), referenceDate, answers);
    List<FilledApplication> filled = new ArrayList<>();
    for (Listed listed : applications(visit, facts)) {
      filled.add(fill(visit, listed, facts, answers, referenceDate, signaturePng, signedOn(visit)));
    }
    return filled;
  }

  /**
   * The application of one procedure case of the visit — its proposal of {@code processKey} for {@code memberIds}
   * — filled into {@code form}, a deployed version of the procedure's form that may differ from the packaged one;
   * empty when the visit proposes no such case.
   */
  public Optional<CaseApplication> fillCase(Visit visit, String processKey, List<String> memberIds,
      FormDefinition form) {
    Optional<ProposedProcedure> proposed = visit.proposedProcedures().stream()
        .filter(p -> p.processKey().equals(processKey) && p.memberIds().equals(memberIds)).findFirst();
    Optional<ProcedureDefinition> procedure = procedures.find(processKey, visit.municipalityCode());
    if (proposed.isEmpty() || procedure.isEmpty()) {
      return Optional.empty();
    }
    InterviewAnswers answers = visits.currentAnswers(visit);
    LocalDate referenceDate = visits.effectiveDate(visit);
    HouseholdFacts facts = HouseholdFacts.of(visit.household(), referenceDate, answers);
    Listed listed = listed(visit, facts, proposed.get(), procedure.get(), form);
    return Optional.of(new CaseApplication(fill(visit, listed, facts, answers, referenceDate, null, signedOn(visit)),
        membersAbout(listed, visit.household())));
  }

  /** The members whose data an application shows: whom it is for, whom its list holds, the head and the spouse. */
  private static List<String> membersAbout(Listed listed, VisitHousehold household) {
    Set<String> about = new LinkedHashSet<>();
    about.add(listed.applicant().id());
    listed.members().forEach(m -> about.add(m.id()));
    listed.form().fields().stream().map(FormField::prefillPath).filter(Objects::nonNull).forEach(path -> {
      if (path.startsWith(HEAD_PREFIX)) {
        about.add(household.head().id());
      } else if (path.startsWith(SPOUSE_PREFIX)) {
        spouse(household).ifPresent(spouse -> about.add(spouse.id()));
      }
    });
    return List.copyOf(about);
  }

  private LocalDate signedOn(Visit visit) {
    return visit.submittedAt() == null ? null : LocalDate.ofInstant(visit.submittedAt(), clock.getZone());
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
      Optional<ProcedureDefinition> procedure = procedures.find(proposed.processKey(), visit.municipalityCode());
      Optional<FormDefinition> form = procedure.flatMap(p -> forms.find(p.applicationFormId()));
      if (form.isPresent()) {
        applications.add(listed(visit, facts, proposed, procedure.get(), form.get()));
      }
    }
    return applications;
  }

  /** A proposed case's application: for the first member it concerns, listing whom the procedure's model says. */
  private Listed listed(Visit visit, HouseholdFacts facts, ProposedProcedure proposed, ProcedureDefinition procedure,
      FormDefinition form) {
    List<HouseholdMember> concerned = proposed.memberIds().stream()
        .map(id -> visit.household().member(id).orElseThrow()).toList();
    String condition = procedure.listedMembers();
    List<HouseholdMember> listed = condition == null ? concerned : visit.household().members().stream()
        .filter(m -> feel.test(condition, facts.contextFor(m.id(), Map.of()))).toList();
    return new Listed(form, concerned.get(0), listed);
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
    return new FilledApplication(listed.form(), values, rows, signaturePng, signedOn,
        tenants.require(visit.municipalityCode()).name());
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
    if (field.source() == FieldSource.SIGNATURE) {
      return signedOn == null ? null : "true";
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
    if (path.startsWith(HEAD_PREFIX)) {
      return memberValue(path.substring(HEAD_PREFIX.length()), household.head(), facts, atenaNumbers);
    }
    if (path.startsWith(SPOUSE_PREFIX)) {
      return spouse(household).map(spouse -> memberValue(path.substring(SPOUSE_PREFIX.length()), spouse, facts,
          atenaNumbers)).orElse(null);
    }
    return switch (path) {
      case "household.address" -> household.address();
      case "household.postalCode" -> household.postalCode();
      case "household.addressLine2" -> household.addressLine2();
      case "household.previousAddress" -> household.previousAddress();
      case "household.fromMunicipalityName" -> household.fromMunicipalityName();
      case "visit.moveInDate" -> referenceDate.toString();
      case "visit.notifiedOn" -> (signedOn == null ? LocalDate.now(clock) : signedOn).toString();
      case "registry.householdNumber" -> visit.registration() == null ? null : visit.registration().householdNumber();
      case "municipality.name" -> tenants.require(visit.municipalityCode()).name();
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
      case "birthDate" -> member.birthDate().toString();
      case "sex" -> member.sex().name();
      case "relationship" -> member.relationship();
      case "atenaNumber" -> atenaNumbers.get(member.id());
      case "schoolGrade" -> schoolGrade((Integer) facts.members().get(member.id()).get("ageAtSchoolYearStart"));
      default -> null;
    };
  }

  private static Optional<HouseholdMember> spouse(VisitHousehold household) {
    return household.members().stream().filter(m -> "妻".equals(m.relationship()) || "夫".equals(m.relationship()))
        .findFirst();
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

  /**
   * The application of one procedure case and the household members whose data it shows.
   *
   * @param application the application, filled
   * @param memberIds the members it is about: the one it is for, those its list holds, the head or the spouse
   *     where it shows theirs
   */
  public record CaseApplication(FilledApplication application, List<String> memberIds) {
  }

  /** An application: its form, the member it is for, and the members its list holds. */
  private record Listed(FormDefinition form, HouseholdMember applicant, List<HouseholdMember> members) {
  }
}
