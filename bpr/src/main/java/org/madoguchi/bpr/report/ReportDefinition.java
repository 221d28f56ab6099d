package org.madoguchi.bpr.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.bpr.simulation.Minutes;

/**
 * What a report compares: an as-is and a to-be scenario, each against what a municipality measured, with the
 * assumptions and notes a reader needs to judge the comparison. Read from YAML; files are relative to it.
 *
 * @param folder the folder of the definition, where the scenarios are read and the report is written
 * @param fileName the definition's file name
 * @param title the report's title
 * @param output the Markdown file to write; its charts are written beside it, named after it
 * @param reference whose figures the report compares with
 * @param asIs the as-is side
 * @param toBe the to-be side
 * @param assumptions what the scenarios assume, one paragraph each
 * @param notes why simulation and measurement differ, one paragraph each
 */
record ReportDefinition(Path folder, String fileName, String title, String output, Reference reference, Side asIs,
    Side toBe, List<String> assumptions, List<String> notes) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The municipality whose figures the report compares with.
   *
   * @param name its name, with the office measured
   * @param source where the figures are published
   * @param writtenEntries what a household wrote before and after, as the municipality counted it
   */
  record Reference(String name, String source, WrittenEntries writtenEntries) {
  }

  /**
   * Entries a household writes.
   *
   * @param household which household
   * @param before entries before the change
   * @param after entries after it
   */
  record WrittenEntries(String household, int before, int after) {
  }

  /**
   * One side of the comparison.
   *
   * @param label how the report names it
   * @param scenario the scenario file
   * @param counter the counter whose queue the measured waits are of
   * @param measured what the municipality measured for this side
   */
  record Side(String label, String scenario, String counter, Measured measured) {
  }

  /**
   * Measured figures, waits in minutes.
   *
   * @param period when they were measured
   * @param casesPerDay cases per day, on average
   * @param averageWait the average wait
   * @param maximumWait the longest wait
   * @param days the average and longest wait of each day, by the scenario's day label
   */
  record Measured(String period, int casesPerDay, double averageWait, double maximumWait,
      Map<String, MeasuredDay> days) {
  }

  /**
   * One measured day, in minutes.
   *
   * @param average the day's average wait
   * @param maximum the day's longest wait
   */
  record MeasuredDay(double average, double maximum) {
  }

  static ReportDefinition read(Path file) throws InvalidReportException {
    String name = file.toString();
    Document document;
    try (InputStream in = Files.newInputStream(file)) {
      document = YAML.readValue(in, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidReportException(name, "unknown key '" + e.getPropertyName() + "'", e);
    } catch (JsonProcessingException e) {
      throw new InvalidReportException(name, e.getOriginalMessage().lines().findFirst().orElse("not a report"), e);
    } catch (NoSuchFileException e) {
      throw new InvalidReportException(name, "no such file", e);
    } catch (IOException e) {
      throw new InvalidReportException(name, "cannot be read: " + e.getMessage(), e);
    }
    if (document == null) {
      throw new InvalidReportException(name, "is empty", null);
    }
    try {
      return new ReportDefinition(Optional.ofNullable(file.getParent()).orElse(Path.of("")),
          file.getFileName().toString(), required(document.title(), "title"), required(document.output(), "output"),
          reference(required(document.reference(), "reference")), side(required(document.asIs(), "asIs")),
          side(required(document.toBe(), "toBe")), Optional.ofNullable(document.assumptions()).orElse(List.of()),
          Optional.ofNullable(document.notes()).orElse(List.of()));
    } catch (IllegalArgumentException e) {
      throw new InvalidReportException(name, e.getMessage(), e);
    }
  }

  private static Reference reference(ReferenceDocument reference) {
    WrittenEntriesDocument written = required(reference.writtenEntries(), "reference.writtenEntries");
    return new Reference(required(reference.name(), "reference.name"), required(reference.source(), "reference.source"),
        new WrittenEntries(required(written.household(), "writtenEntries.household"),
            required(written.before(), "writtenEntries.before"), required(written.after(), "writtenEntries.after")));
  }

  private static Side side(SideDocument side) {
    MeasuredDocument measured = required(side.measured(), "measured");
    Map<String, MeasuredDay> days = new LinkedHashMap<>();
    if (measured.days() != null) {
      measured.days().forEach((label, day) -> days.put(label,
          new MeasuredDay(Minutes.parse(day.average()), Minutes.parse(day.maximum()))));
    }
    return new Side(required(side.label(), "label"), required(side.scenario(), "scenario"),
        required(side.counter(), "counter"), new Measured(required(measured.period(), "measured.period"),
        required(measured.casesPerDay(), "measured.casesPerDay"),
        Minutes.parse(required(measured.averageWait(), "measured.averageWait")),
        Minutes.parse(required(measured.maximumWait(), "measured.maximumWait")), days));
  }

  private static <T> T required(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("gives no " + key);
    }
    return value;
  }

  private record Document(String title, String output, ReferenceDocument reference, SideDocument asIs,
      SideDocument toBe, List<String> assumptions, List<String> notes) {
  }

  private record ReferenceDocument(String name, String source, WrittenEntriesDocument writtenEntries) {
  }

  private record WrittenEntriesDocument(String household, Integer before, Integer after) {
  }

  private record SideDocument(String label, String scenario, String counter, MeasuredDocument measured) {
  }

  private record MeasuredDocument(String period, Integer casesPerDay, String averageWait, String maximumWait,
      Map<String, MeasuredDayDocument> days) {
  }

  private record MeasuredDayDocument(String average, String maximum) {
  }
}
