package org.madoguchi.bpr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.bpr.report.BprReport;
import org.madoguchi.bpr.simulation.ScenarioFile;
import org.madoguchi.bpr.simulation.Simulation;
import org.madoguchi.bpr.simulation.SimulationMarkdown;
import org.madoguchi.bpr.simulation.SimulationResult;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinitionException;

/**
 * The command-line tool {@code madoguchi-bpr.jar}:
 *
 * <pre>
 * java -jar madoguchi-bpr.jar metrics [--forms DIR]... [--bundle NAME] FILE.bpmn...
 * java -jar madoguchi-bpr.jar simulate [--format json|markdown] SCENARIO.yaml
 * java -jar madoguchi-bpr.jar report REPORT.yaml
 * </pre>
 *
 * <p>{@code metrics} prints one JSON object per process, one per line, and with {@code --bundle} one more for the
 * bundle of them all (the first process read is the visit, the others the procedures it spawns). {@code simulate}
 * prints the simulation of a scenario (see {@link org.madoguchi.bpr.simulation.ScenarioFile}); {@code report} writes
 * the report a definition describes (see {@link BprReport}) and prints the files written. Exit status: 0 when every
 * file was read, 2 when a BPMN file is missing, not XML or not valid BPMN (one line on stderr per such file, naming
 * it; {@code metrics} still measures the other files, but prints no bundle), 1 for a wrong command line, an
 * unreadable forms folder, or a scenario or report definition that cannot be used.
 */
public final class BprCommand {

  public static final int OK = 0;
  public static final int USAGE = 1;
  public static final int INVALID_BPMN = 2;

  static final String USAGE_TEXT = """
      usage: java -jar madoguchi-bpr.jar metrics [--forms DIR]... [--bundle NAME] FILE.bpmn...
             java -jar madoguchi-bpr.jar simulate [--format json|markdown] SCENARIO.yaml
             java -jar madoguchi-bpr.jar report REPORT.yaml
        metrics   prints one JSON object per process: user tasks, lanes, hand-offs, resident moves,
                  forms, resident-written fields, signatures, steps per role.
          --forms DIR    also read the forms (*.form) in DIR; Madoguchi's own forms are always known
          --bundle NAME  then one more object for the bundle of every process read: the first is the
                         visit, the others the procedures it spawns
        simulate  simulates the counter day of a scenario: waits, queue length over the day, staff
                  utilisation, each with a 95% confidence interval; the same seed, the same output.
        report    writes the Markdown report (and its SVG charts) that compares an as-is and a to-be
                  scenario with measured figures, as REPORT.yaml describes.""";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Indented with \n whatever the platform, so that a seed gives the same bytes everywhere. */
  private static final ObjectWriter INDENTED_JSON = JSON.writer(
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private BprCommand() {
  }

  public static void main(String[] args) {
    // JSON is UTF-8 whatever the platform's default encoding (Japanese names must not turn into '?').
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line {@code args}, writing to the given streams; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    return switch (args[0]) {
      case "metrics" -> metrics(args, out, err);
      case "simulate" -> simulate(args, out, err);
      case "report" -> report(args, out, err);
      default -> {
        err.println("madoguchi-bpr: unknown command '" + args[0] + "'\n" + USAGE_TEXT);
        yield USAGE;
      }
    };
  }

  private static int metrics(String[] args, PrintStream out, PrintStream err) {
    List<Path> formFolders = new ArrayList<>();
    List<String> files = new ArrayList<>();
    String bundleName = null;
    for (int i = 1; i < args.length; i++) {
      if ("--forms".equals(args[i]) || "--bundle".equals(args[i])) {
        if (i + 1 == args.length) {
          err.println("madoguchi-bpr: " + args[i] + " needs a value\n" + USAGE_TEXT);
          return USAGE;
        }
        if ("--forms".equals(args[i])) {
          formFolders.add(Path.of(args[++i]));
        } else {
          bundleName = args[++i];
        }
      } else {
        files.add(args[i]);
      }
    }
    if (files.isEmpty()) {
      err.println("madoguchi-bpr: no BPMN file given\n" + USAGE_TEXT);
      return USAGE;
    }

    FormCatalog forms;
    try {
      forms = formCatalog(formFolders);
    } catch (FormDefinitionException | UncheckedIOException | IllegalArgumentException e) {
      err.println("madoguchi-bpr: " + e.getMessage());
      return USAGE;
    }
    BpmnMetrics metrics = new BpmnMetrics(forms);
    List<ProcessGraph> processes = new ArrayList<>();
    int status = OK;
    for (String file : files) {
      Path path;
      try {
        path = Path.of(file);
      } catch (InvalidPathException e) {
        err.println("madoguchi-bpr: " + file + ": not a valid file name");
        status = INVALID_BPMN;
        continue;
      }
      try {
        for (ProcessGraph process : ProcessGraph.read(path)) {
          out.println(json(metrics.measure(process)));
          processes.add(process);
        }
      } catch (InvalidBpmnException e) {
        err.println("madoguchi-bpr: " + e.file() + ": " + e.reason());
        status = INVALID_BPMN;
      }
    }
    if (bundleName != null && status == OK && !processes.isEmpty()) {
      out.println(json(metrics.measure(
          new Bundle(bundleName, processes.get(0), processes.subList(1, processes.size())))));
    }
    out.flush();
    return status;
  }

  private static int simulate(String[] args, PrintStream out, PrintStream err) {
    boolean markdown = false;
    String scenarioFile = null;
    for (int i = 1; i < args.length; i++) {
      if ("--format".equals(args[i]) && i + 1 < args.length && List.of("json", "markdown").contains(args[i + 1])) {
        markdown = "markdown".equals(args[++i]);
      } else if (scenarioFile == null && !args[i].startsWith("--")) {
        scenarioFile = args[i];
      } else {
        err.println("madoguchi-bpr: unexpected '" + args[i] + "'\n" + USAGE_TEXT);
        return USAGE;
      }
    }
    if (scenarioFile == null) {
      err.println("madoguchi-bpr: no scenario given\n" + USAGE_TEXT);
      return USAGE;
    }
    SimulationResult result;
    try {
      result = Simulation.run(ScenarioFile.read(Path.of(scenarioFile)));
    } catch (InvalidBpmnException e) {
      err.println("madoguchi-bpr: " + e.file() + ": " + e.reason());
      return INVALID_BPMN;
    } catch (InvalidInputException e) {
      err.println("madoguchi-bpr: " + e.file() + ": " + e.reason());
      return USAGE;
    } catch (IllegalArgumentException e) {
      err.println("madoguchi-bpr: " + scenarioFile + ": " + e.getMessage());
      return USAGE;
    }
    try {
      out.print(markdown ? SimulationMarkdown.render(result, 1) : INDENTED_JSON.writeValueAsString(result) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the simulation cannot be written as JSON", e);
    }
    out.flush();
    return OK;
  }

  private static int report(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || args[1].startsWith("--")) {
      err.println("madoguchi-bpr: report needs one report definition\n" + USAGE_TEXT);
      return USAGE;
    }
    try {
      for (Path written : BprReport.write(Path.of(args[1]))) {
        out.print("wrote " + written + "\n");
      }
    } catch (InvalidBpmnException e) {
      err.println("madoguchi-bpr: " + e.file() + ": " + e.reason());
      return INVALID_BPMN;
    } catch (InvalidInputException e) {
      err.println("madoguchi-bpr: " + e.file() + ": " + e.reason());
      return USAGE;
    } catch (IOException e) {
      err.println("madoguchi-bpr: " + args[1] + ": the report cannot be written: " + e.getMessage());
      return USAGE;
    }
    out.flush();
    return OK;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metrics cannot be written as JSON", e);
    }
  }

  private static FormCatalog formCatalog(List<Path> folders) {
    FormCatalog forms = FormCatalog.fromClasspath();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("forms folder " + folder + " does not exist");
      }
      forms = forms.with(FormCatalog.fromFolder(folder));
    }
    return forms;
  }
}
