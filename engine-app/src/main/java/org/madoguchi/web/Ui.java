package org.madoguchi.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.tenant.Tenant;
import org.madoguchi.tenant.TenantDefinitions;
import org.madoguchi.tenant.Tenants;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every page shows besides its own content, for the templates ({@code ${@ui.…}}): the staff member's
 * municipality,
 * the signed-in staff member's groups by name, waiting times and clock times as people read them.
 */
@Component("ui")
class Ui {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

  private final Tenants tenants;
  private final IdentityService identityService;
  private final MessageSource messages;
  private final TenantDefinitions definitions;
  private final ProcedureCatalog procedures;

  Ui(Tenants tenants, IdentityService identityService, MessageSource messages, TenantDefinitions definitions,
      ProcedureCatalog procedures) {
    this.tenants = tenants;
    this.identityService = identityService;
    this.messages = messages;
    this.definitions = definitions;
    this.procedures = procedures;
  }

  /** The name of the municipality the signed-in staff member works for; empty on the sign-in page. */
  public String municipalityName() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return "";
    }
    String code = CurrentStaff.get().tenantId();
    return code == null ? "" : tenants.find(code).map(Tenant::name).orElse(code);
  }

  /** The groups staff work in: the counter and the departments, by code, with their names. */
  public Map<String, String> workGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    for (Group group : identityService.createGroupQuery().orderByGroupId().asc().list()) {
      if (Roles.COUNTER_GROUP.equals(group.getId()) || Roles.DEPARTMENT_GROUP_TYPE.equals(group.getType())) {
        groups.put(group.getId(), group.getName());
      }
    }
    return groups;
  }

  /** The work groups the signed-in staff member may pick a task list of (administrators: all). */
  public Map<String, String> myWorkGroups() {
    CurrentStaff staff = CurrentStaff.get();
    Map<String, String> mine = new LinkedHashMap<>();
    workGroups().forEach((code, name) -> {
      if (staff.isAdmin() || staff.worksIn(code)) {
        mine.put(code, name);
      }
    });
    return mine;
  }

  /** The name of a group (a department or the counter), or its code when it has none. */
  public String groupName(String code) {
    if (code == null) {
      return "";
    }
    Group group = identityService.createGroupQuery().groupId(code).singleResult();
    return group == null || group.getName() == null ? code : group.getName();
  }

  /** The signed-in staff member's groups by name, for the page header. */
  public String myGroupNames() {
    List<String> names = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(CurrentStaff.get().userId()).list()) {
      names.add(group.getName() == null ? group.getId() : group.getName());
    }
    return String.join("・", names);
  }

  /** A waiting time as people say it: 45分, 1時間5分 (45 min, 1 h 5 min). */
  public String duration(long minutes) {
    Locale locale = LocaleContextHolder.getLocale();
    if (minutes < 60) {
      return messages.getMessage("duration.minutes", new Object[] {minutes}, locale);
    }
    return messages.getMessage("duration.hoursMinutes", new Object[] {minutes / 60, minutes % 60}, locale);
  }

  /** The clock time of an instant in Japan (9:05). */
  public String time(Instant instant) {
    return instant == null ? "" : CLOCK.format(instant.atZone(JAPAN));
  }

  /** The short number a visit is called by at the counter: the first 8 characters of its id, upper case. */
  public String visitNumber(String visitId) {
    return visitId == null ? "" : visitId.substring(0, Math.min(8, visitId.length())).toUpperCase(Locale.ROOT);
  }

  /**
   * A procedure's name in the page's language: the model's (Japanese) name unless the messages translate
   * its process key ({@code procedure.nhi-enrollment}).
   */
  public String procedureName(String processKey, String modelName) {
    return messages.getMessage("procedure." + processKey, null, modelName, LocaleContextHolder.getLocale());
  }

  /** The name of every procedure the staff member's municipality runs in the page's language, by process key. */
  public Map<String, String> procedureNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (ProcessDefinition definition : definitions.latestProcesses(CurrentStaff.get().tenantId())) {
      procedures.forDefinition(definition.getId()).ifPresent(procedure ->
          names.put(procedure.processKey(), procedureName(procedure.processKey(), procedure.name())));
    }
    return names;
  }

  /** Every department's name in the page's language, by code (for the pages' scripts). */
  public Map<String, String> departmentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    workGroups().forEach((code, name) -> names.put(code, departmentName(code, name)));
    return names;
  }

  /** A department's name in the page's language, like {@link #procedureName}. */
  public String departmentName(String code, String modelName) {
    return messages.getMessage("department." + code, null, modelName == null ? code : modelName,
        LocaleContextHolder.getLocale());
  }
}
