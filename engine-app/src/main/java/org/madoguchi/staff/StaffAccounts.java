package org.madoguchi.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.PasswordPolicy;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.madoguchi.system.MunicipalityProperties;
import org.madoguchi.tenant.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts in the engine's identity store, which sign-in reads: list them, create one in a role or department
 * group, change its groups, reset its password. Every request is checked whole before anything is written, and the
 * last administrator cannot be taken out of the administrators' group.
 */
@Service
public class StaffAccounts {

  /** The user ids the engine accepts by default (its userResourceWhitelistPattern), at most its column's length. */
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_NAME = 255;

  private final IdentityService identityService;
  private final Tenants tenants;
  private final MunicipalityProperties home;

  StaffAccounts(IdentityService identityService, Tenants tenants, MunicipalityProperties home) {
    this.identityService = identityService;
    this.tenants = tenants;
    this.home = home;
  }

  /**
   * A new account: who it is, its first password, its groups, and the municipality it works for (地方公共団体コード;
   * when not given, the creating administrator's own, or the home municipality for an installation administrator).
   */
  public record NewAccount(String id, String firstName, String lastName, String email, String password,
      List<String> groups, String municipalityCode) {
  }

  /** Every account, by id. */
  public List<StaffAccount> list() {
    Map<String, StaffGroup> groups = groupsById();
    return identityService.createUserQuery().orderByUserId().asc().list().stream()
        .map(user -> account(user, groups)).toList();
  }

  public StaffAccount get(String id) {
    return account(user(id), groupsById());
  }

  /** The groups an account can be put in: the roles first, then the departments, each by id. */
  public List<StaffGroup> assignableGroups() {
    return groupsById().values().stream()
        .sorted(Comparator.comparing(StaffGroup::kind).thenComparing(StaffGroup::id)).toList();
  }

  @Transactional
  public StaffAccount create(NewAccount request) {
    String id = request.id() == null ? "" : request.id().strip();
    if (!USER_ID.matcher(id).matches()) {
      throw ApiException.badRequest("invalid-user-id", "ユーザー名は半角英数字（1〜64文字）で入力してください。");
    }
    String firstName = requiredName(request.firstName(), "名");
    String lastName = requiredName(request.lastName(), "姓");
    String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
    if (email != null && (email.length() > MAX_NAME || !EMAIL.matcher(email).matches())) {
      throw ApiException.badRequest("invalid-email", "メールアドレスの形式が正しくありません。");
    }
    checkPassword(id, request.password());
    List<String> groups = checkedGroups(request.groups());
    if (identityService.createUserQuery().userId(id).count() > 0) {
      throw ApiException.conflict("user-exists", "ユーザー名「" + id + "」はすでに使われています。");
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(request.password());
    identityService.saveUser(user);
    groups.forEach(group -> identityService.createMembership(id, group));
    // Staff work for exactly one municipality; without it they would see nothing.
    String creatorsMunicipality = CurrentStaff.get().tenantId();
    tenants.assignUser(id, request.municipalityCode() != null && !request.municipalityCode().isBlank()
        ? request.municipalityCode().strip() : creatorsMunicipality != null ? creatorsMunicipality : home.code());
    return get(id);
  }

  /** Puts the account in exactly {@code groupIds}; the last administrator stays an administrator. */
  @Transactional
  public StaffAccount setGroups(String id, List<String> groupIds) {
    StaffAccount account = get(id);
    List<String> groups = checkedGroups(groupIds);
    if (account.isAdministrator() && !groups.contains(Roles.ADMIN_GROUP)
        && identityService.createUserQuery().memberOfGroup(Roles.ADMIN_GROUP).count() <= 1) {
      throw ApiException.conflict("last-administrator",
          "最後の管理者を管理者グループから外すことはできません。先に別の職員を管理者にしてください。");
    }
    Set<String> current = account.groups().stream().map(StaffGroup::id).collect(Collectors.toSet());
    current.stream().filter(group -> !groups.contains(group))
        .forEach(group -> identityService.deleteMembership(id, group));
    groups.stream().filter(group -> !current.contains(group))
        .forEach(group -> identityService.createMembership(id, group));
    return get(id);
  }

  /** Sets a new password and lifts a lock from failed sign-ins. */
  @Transactional
  public void resetPassword(String id, String password) {
    User user = user(id);
    checkPassword(id, password);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.unlockUser(id);
  }

  private static void checkPassword(String id, String password) {
    PasswordPolicy.problem(id, password).ifPresent(problem -> {
      throw ApiException.badRequest("weak-password", problem);
    });
  }

  private static String requiredName(String name, String label) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name-required", label + "を入力してください。");
    }
    if (name.strip().length() > MAX_NAME) {
      throw ApiException.badRequest("name-too-long", label + "は " + MAX_NAME + " 文字以内で入力してください。");
    }
    return name.strip();
  }

  /** The requested groups, each one an account can be put in, at least one. */
  private List<String> checkedGroups(List<String> requested) {
    Set<String> groups = new LinkedHashSet<>();
    if (requested != null) {
      requested.stream().filter(group -> group != null && !group.isBlank()).map(String::strip).forEach(groups::add);
    }
    if (groups.isEmpty()) {
      throw ApiException.badRequest("group-required",
          "役割か課を1つ以上選んでください（役割のないユーザーはどの画面も使えません）。");
    }
    Map<String, StaffGroup> assignable = groupsById();
    List<String> unknown = groups.stream().filter(group -> !assignable.containsKey(group)).toList();
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest("unknown-group", "選べないグループです: " + String.join("、", unknown));
    }
    return new ArrayList<>(groups);
  }

  private User user(String id) {
    User user = id == null ? null : identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      throw ApiException.notFound("user-not-found", "指定されたユーザーは見つかりません。");
    }
    return user;
  }

  private Map<String, StaffGroup> groupsById() {
    return identityService.createGroupQuery().list().stream()
        .filter(group -> StaffGroup.kindOf(group.getId(), group.getType()) != null)
        .map(StaffAccounts::staffGroup)
        .collect(Collectors.toMap(StaffGroup::id, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
  }

  private static StaffGroup staffGroup(Group group) {
    return new StaffGroup(group.getId(), group.getName() == null ? group.getId() : group.getName(),
        StaffGroup.kindOf(group.getId(), group.getType()));
  }

  private StaffAccount account(User user, Map<String, StaffGroup> groups) {
    List<StaffGroup> memberships = identityService.createGroupQuery().groupMember(user.getId()).orderByGroupId().asc()
        .list().stream().map(group -> groups.getOrDefault(group.getId(), new StaffGroup(group.getId(),
            group.getName() == null ? group.getId() : group.getName(), null))).toList();
    return new StaffAccount(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), memberships);
  }
}
