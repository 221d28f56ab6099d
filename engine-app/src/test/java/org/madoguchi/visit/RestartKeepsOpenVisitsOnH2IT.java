package org.madoguchi.visit;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** On the default H2 file database under the data directory. */
class RestartKeepsOpenVisitsOnH2IT extends RestartKeepsOpenVisits {

  @TempDir
  static Path dataDir;

  @Override
  ConfigurableApplicationContext start() {
    return run("madoguchi.data-dir=" + dataDir);
  }
}
