package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCatalogTest {

  /** Where the module keeps its forms; the tests run with the module folder as working directory. */
  private static final Path DEFINITIONS = Path.of("definitions");

  @Test
  void loadsTheMoveInNotificationAndOneApplicationPerProcedureFromTheClasspath() {
    assertThat(FormCatalog.fromClasspath().ids()).containsExactlyInAnyOrder(
        "move-in-notification",
        "nhi-enrollment-application",
        "late-stage-elderly-medical-application",
        "long-term-care-application",
        "national-pension-application",
        "child-allowance-application",
        "child-medical-subsidy-application",
        "school-enrollment-application",
        "seal-registration-application",
        "card-continuation-application");
  }

  @Test
  void packagesExactlyTheFormsOfTheDefinitionsFolder() {
    assertThat(FormCatalog.fromClasspath().forms())
        .containsExactlyElementsOf(FormCatalog.fromFolder(DEFINITIONS).forms());
  }

  @Test
  void namesEachFileAfterTheIdItDeclares() throws IOException {
    // camunda:formRef names the id inside the file; a file named otherwise would be found by neither people nor tools.
    try (Stream<Path> files = Files.list(DEFINITIONS)) {
      files.forEach(file -> assertThat(file.getFileName().toString())
          .isEqualTo(FormDefinition.parse(read(file)).id() + FormCatalog.FILE_SUFFIX));
    }
  }

  @Test
  void readsFormsPackagedInAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("extra-forms.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // No directory entry for forms/, as some packagers write jars.
      out.putNextEntry(new ZipEntry("forms/extra-application.form"));
      out.write(minimalForm("extra-application").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("forms/nested/ignored-application.form"));
      out.write(minimalForm("ignored-application").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(FormCatalog.fromClasspath(loader).ids())
          .contains("extra-application", "move-in-notification")
          .doesNotContain("ignored-application");
    }
  }

  @Test
  void givesAnEmptyCatalogForAFolderWithoutForms(@TempDir Path dir) {
    assertThat(FormCatalog.fromFolder(dir).forms()).isEmpty();
    assertThat(FormCatalog.fromFolder(dir.resolve("missing")).forms()).isEmpty();
  }

  @Test
  void refusesTwoDifferentFormsWithOneId(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.form"), minimalForm("same-id"));
    Files.writeString(dir.resolve("b.form"), minimalForm("same-id").replace("\"components\": []",
        "\"components\": [{\"type\": \"text\", \"text\": \"# other\"}]"));

    assertThatThrownBy(() -> FormCatalog.fromFolder(dir))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("same-id");
  }

  @Test
  void namesTheFileOfAFormItCannotRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("broken.form"), "{ not json");

    assertThatThrownBy(() -> FormCatalog.fromFolder(dir))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("broken.form");
  }

  @Test
  void letsAnAddedCatalogReplaceAFormOfTheSameId() {
    FormDefinition replacement = FormDefinition.parse(minimalForm("move-in-notification"));

    FormCatalog catalog = FormCatalog.fromClasspath().with(FormCatalog.of(List.of(replacement)));

    assertThat(catalog.get("move-in-notification")).isEqualTo(replacement);
    assertThat(catalog.ids()).hasSize(10);
  }

  @Test
  void reportsAnUnknownIdByName() {
    assertThat(FormCatalog.fromClasspath().find("no-such-form")).isEmpty();
    assertThatThrownBy(() -> FormCatalog.fromClasspath().get("no-such-form"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-form");
  }

  static String minimalForm(String id) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16, "components": []}
        """.formatted(id);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
