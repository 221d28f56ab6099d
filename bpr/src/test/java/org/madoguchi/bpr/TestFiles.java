package org.madoguchi.bpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The BPMN files under src/test/resources, as files the command line can be given. */
final class TestFiles {

  private TestFiles() {
  }

  static Path foreign(String name) {
    return resource("foreign/" + name);
  }

  static Path invalid(String name) {
    return resource("invalid/" + name);
  }

  /** A model written for one test class, named {@code <TestClass>.<case>.bpmn}, in this package's resources. */
  static Path model(String name) {
    return resource("org/madoguchi/bpr/" + name);
  }

  /** A scenario or model of the simulation's tests, in the simulation package's resources. */
  static Path simulation(String name) {
    return resource("org/madoguchi/bpr/simulation/" + name);
  }

  /** Every file of the foreign folder, so that a file added there is tested without naming it. */
  static List<Path> allForeign() {
    try (Stream<Path> files = Files.list(resource("foreign"))) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    URL url = TestFiles.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
