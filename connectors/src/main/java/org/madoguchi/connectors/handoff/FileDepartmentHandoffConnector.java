package org.madoguchi.connectors.handoff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each case over as one CSV file in the department's folder of an outbox, which the department's
 * system (or the municipality's file-linkage tool) picks up: {@code <outbox>/<department>/<idempotency
 * key>.csv}, in the layout of {@code connectors/docs/department-handoff-csv.md}.
 *
 * <p>Exactly once per idempotency key, across restarts: the file's name is the key, and a file that is there
 * already means the case was handed over, so a repeat writes nothing and answers with the first receipt (its
 * {@code handed_over_at}). The department's system marks a file as taken by moving it into the folder's
 * {@value #TAKEN} sub-folder, never by deleting it, so that it goes on counting.
 *
 * <p>A file appears whole or not at all: it is written under a hidden temporary name (starting with a dot,
 * ending in {@code .tmp}), forced to disk, then renamed with {@link StandardCopyOption#ATOMIC_MOVE}. A crash
 * before the rename leaves only the hidden temporary file, which the next attempt for the key removes.
 * Within this process, hand-overs of one key take turns; across processes, the engine's exclusive jobs keep
 * one procedure instance's hand-over from running twice at once.
 *
 * <p>Keys and department codes become file names, so they are checked first: a key is 1–64 ASCII letters,
 * digits, '.', '_' or '-' starting with a letter or digit, a department code 1–60 of the same without '.';
 * anything else (a path separator, "..") is refused before the file system is touched.
 */
public class FileDepartmentHandoffConnector implements DepartmentHandoffConnector {

  /** The columns of a hand-over file, in order. */
  public static final List<String> COLUMNS = List.of("idempotency_key", "procedure_key", "department",
      "visit_id", "municipality_code", "atena_numbers", "handed_over_at");

  private static final Logger log = LoggerFactory.getLogger(FileDepartmentHandoffConnector.class);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
  private static final Pattern ATENA_NUMBER = Pattern.compile("[0-9]{1,15}");
  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{6}");
  /**
   * The sub-folder a department's system moves a file into once it has taken the case; a file there still
   * means "handed over".
   */
  public static final String TAKEN = "taken";
  /** Between the key and the random part of a temporary file's name; never in a key. */
  private static final char TEMP_SEPARATOR = '~';
  private static final String CRLF = "\r\n";

  /** How a written temporary file becomes the hand-over file; tests put a crash in between. */
  @FunctionalInterface
  interface Mover {

    Mover ATOMIC = (temporary, target) -> Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);

    void move(Path temporary, Path target) throws IOException;
  }

  private final Path outbox;
  private final boolean createDepartmentFolders;
  private final Clock clock;
  private final Mover mover;
  private final Object[] locks = new Object[64];

  public FileDepartmentHandoffConnector(Path outbox, boolean createDepartmentFolders, Clock clock) {
    this(outbox, createDepartmentFolders, clock, Mover.ATOMIC);
  }

  FileDepartmentHandoffConnector(Path outbox, boolean createDepartmentFolders, Clock clock, Mover mover) {
    this.outbox = outbox.toAbsolutePath().normalize();
    this.createDepartmentFolders = createDepartmentFolders;
    this.clock = clock;
    this.mover = mover;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** The connector for {@code settings} ({@code mode=file}). */
  public static FileDepartmentHandoffConnector of(DepartmentHandoffProperties settings, Clock clock) {
    return new FileDepartmentHandoffConnector(settings.outbox(), settings.createDepartmentFolders(), clock);
  }

  @Override
  public HandoffReceipt handOver(Handoff handoff) {
    check(handoff);
    Path folder = departmentFolder(handoff.department());
    Path target = folder.resolve(handoff.idempotencyKey() + ".csv");
    synchronized (locks[Math.floorMod(handoff.idempotencyKey().hashCode(), locks.length)]) {
      // the folder first, then taken/: the department only ever moves a file from the one to the other
      for (Path earlier : List.of(target, folder.resolve(TAKEN).resolve(target.getFileName()))) {
        if (Files.exists(earlier)) {
          removeLeftovers(folder, handoff.idempotencyKey());
          return repeated(handoff, earlier);
        }
      }
      Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
      write(handoff, folder, target, now);
      removeLeftovers(folder, handoff.idempotencyKey());
      log.info("handed a {} case over to department {} as a file", handoff.procedureKey(), handoff.department());
      return new HandoffReceipt(handoff.idempotencyKey(), now, false);
    }
  }

  private void write(Handoff handoff, Path folder, Path target, Instant now) {
    byte[] content = (String.join(",", COLUMNS) + CRLF + row(handoff) + "," + now + CRLF)
        .getBytes(StandardCharsets.UTF_8);
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folder, "." + handoff.idempotencyKey() + TEMP_SEPARATOR, ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        out.write(content);
        out.flush();
        channel.force(true);
      }
      mover.move(temporary, target);
      temporary = null;
      forceFolder(folder);
    } catch (IOException failed) {
      throw new HandoffException("引継ぎファイルを書けませんでした（" + handoff.department() + "）/ could not "
          + "write the hand-over file for department " + handoff.department() + " ("
          + failed.getClass().getSimpleName() + "); nothing was handed over, a retry writes it");
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // a leftover the next attempt for the key removes
        }
      }
    }
  }

  /** The first receipt, from the file written then; the file must describe the same case. */
  private HandoffReceipt repeated(Handoff handoff, Path target) {
    List<String> lines;
    try {
      lines = Files.readAllLines(target, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new HandoffException("引継ぎ済みファイルを読めません（" + handoff.department() + "）/ the hand-over "
          + "file of an earlier attempt for department " + handoff.department() + " cannot be read ("
          + unreadable.getClass().getSimpleName() + ")");
    }
    String row = row(handoff);
    if (lines.size() < 2 || !lines.get(1).startsWith(row + ",")) {
      throw new HandoffException("同じ冪等キーで別の引継ぎがあります（" + handoff.department() + "）/ department "
          + handoff.department() + " has a hand-over file for this idempotency key that describes another case");
    }
    Instant handedOverAt;
    try {
      handedOverAt = Instant.parse(lines.get(1).substring(row.length() + 1));
    } catch (DateTimeParseException notAnInstant) {
      throw new HandoffException("引継ぎ済みファイルの日時を読めません / the hand-over file of an earlier attempt "
          + "for department " + handoff.department() + " has no valid handed_over_at");
    }
    log.info("a {} case had been handed over to department {} before; nothing written", handoff.procedureKey(),
        handoff.department());
    return new HandoffReceipt(handoff.idempotencyKey(), handedOverAt, true);
  }

  private Path departmentFolder(String department) {
    Path folder = outbox.resolve(department).normalize();
    if (!outbox.equals(folder.getParent())) {
      throw new IllegalArgumentException("a department code must name one folder directly in the outbox");
    }
    if (Files.isDirectory(folder)) {
      return folder;
    }
    if (!createDepartmentFolders) {
      throw new HandoffException("引継ぎ先フォルダがありません（" + department + "）/ the outbox has no folder for "
          + "department " + department + "; create it, or set " + DepartmentHandoffProperties.PREFIX
          + ".create-department-folders=true");
    }
    try {
      return Files.createDirectories(folder);
    } catch (IOException failed) {
      throw new HandoffException("引継ぎ先フォルダを作れません（" + department + "）/ could not create the outbox "
          + "folder of department " + department + " (" + failed.getClass().getSimpleName() + ")");
    }
  }

  /** Removes the temporary files an interrupted attempt for the key left behind. */
  private static void removeLeftovers(Path folder, String key) {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "." + key + TEMP_SEPARATOR + "*.tmp")) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    } catch (IOException ignored) {
      // hidden and harmless; the next attempt tries again
    }
  }

  /** Makes the rename durable where the platform allows forcing a directory (Linux does). */
  private static void forceFolder(Path folder) {
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // some platforms cannot open a directory; the rename is atomic all the same
    }
  }

  private static void check(Handoff handoff) {
    if (handoff.idempotencyKey() == null || !KEY.matcher(handoff.idempotencyKey()).matches()) {
      throw new IllegalArgumentException("an idempotency key is 1 to 64 ASCII letters, digits, '.', '_' or '-', "
          + "starting with a letter or digit");
    }
    if (handoff.department() == null || !DEPARTMENT.matcher(handoff.department()).matches()) {
      throw new IllegalArgumentException("a department code is 1 to 60 ASCII letters, digits, '_' or '-', "
          + "starting with a letter or digit");
    }
    if (!isText(handoff.procedureKey())) {
      throw new IllegalArgumentException("a hand-over needs its procedure key, on one line");
    }
    if (!isText(handoff.visitId())) {
      throw new IllegalArgumentException("a hand-over needs its visit id, on one line");
    }
    if (handoff.municipalityCode() == null || !MUNICIPALITY_CODE.matcher(handoff.municipalityCode()).matches()) {
      throw new IllegalArgumentException("a hand-over needs the 6-digit local government code");
    }
    Objects.requireNonNull(handoff.atenaNumbers(), "atenaNumbers");
    if (handoff.atenaNumbers().stream().anyMatch(a -> a == null || !ATENA_NUMBER.matcher(a).matches())) {
      throw new IllegalArgumentException("an atena number is ASCII digits");
    }
  }

  private static boolean isText(String value) {
    return value != null && !value.isBlank() && value.chars().noneMatch(Character::isISOControl);
  }

  /** Every column but handed_over_at, as the file's data row writes them. */
  private static String row(Handoff handoff) {
    return String.join(",", field(handoff.idempotencyKey()), field(handoff.procedureKey()),
        field(handoff.department()), field(handoff.visitId()), field(handoff.municipalityCode()),
        field(String.join(" ", handoff.atenaNumbers())));
  }

  /** A CSV field, quoted (RFC 4180) when it holds a comma, a quote, a line break or surrounding spaces. */
  static String field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0 || !value.equals(value.strip());
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
