package org.madoguchi.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The forms Madoguchi knows, by id: every {@code forms/*.form} on the classpath (what {@code classpath*:forms/*.form}
 * finds, without needing Spring), or every {@code *.form} in a folder.
 */
public final class FormCatalog {

  /** The classpath folder forms are packaged in. */
  public static final String CLASSPATH_FOLDER = "forms";

  /** The file name ending of a form. */
  public static final String FILE_SUFFIX = ".form";

  private final Map<String, FormDefinition> formsById;

  private FormCatalog(Map<String, FormDefinition> formsById) {
    this.formsById = Collections.unmodifiableMap(new TreeMap<>(formsById));
  }

  /** A catalog of the given forms; two different forms with one id are refused. */
  public static FormCatalog of(Collection<FormDefinition> forms) {
    Map<String, FormDefinition> byId = new TreeMap<>();
    forms.forEach(form -> add(byId, form, form.id()));
    return new FormCatalog(byId);
  }

  /** Every {@code forms/*.form} visible to this class's class loader (folders and jars alike). */
  public static FormCatalog fromClasspath() {
    return fromClasspath(FormCatalog.class.getClassLoader());
  }

  /** Every {@code forms/*.form} visible to {@code classLoader} (folders and jars alike). */
  public static FormCatalog fromClasspath(ClassLoader classLoader) {
    Map<String, FormDefinition> byId = new TreeMap<>();
    Set<String> scanned = new HashSet<>();
    for (Root root : classpathRoots(classLoader)) {
      scan(root.url(), root.formsFolder(), byId, scanned);
    }
    return new FormCatalog(byId);
  }

  /** Every {@code *.form} directly in {@code folder}; a missing folder gives an empty catalog. */
  public static FormCatalog fromFolder(Path folder) {
    Map<String, FormDefinition> byId = new TreeMap<>();
    readFolder(folder, byId);
    return new FormCatalog(byId);
  }

  /** This catalog with the forms of {@code other} added; where both have an id, {@code other}'s form wins. */
  public FormCatalog with(FormCatalog other) {
    Map<String, FormDefinition> byId = new TreeMap<>(formsById);
    byId.putAll(other.formsById);
    return new FormCatalog(byId);
  }

  public Optional<FormDefinition> find(String id) {
    return Optional.ofNullable(formsById.get(id));
  }

  /** The form with this id; an unknown id is a programming or configuration error. */
  public FormDefinition get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no form with id '" + id + "' in the catalog"));
  }

  /** Every form, ordered by id. */
  public Collection<FormDefinition> forms() {
    return formsById.values();
  }

  /** Every form id, ordered. */
  public Set<String> ids() {
    return formsById.keySet();
  }

  /** A classpath location to scan: the forms folder itself, or a classpath root (folder or jar) holding it. */
  private record Root(URL url, boolean formsFolder) {
  }

  private static Collection<Root> classpathRoots(ClassLoader classLoader) {
    // A jar written without directory entries answers nothing to getResources("forms/"), so the jar holding this
    // class (the forms module, or a fat jar built from it) and the URLs of a URLClassLoader are scanned as well.
    // Keyed by the URL's text: URL.equals may resolve host names.
    Map<String, Root> roots = new LinkedHashMap<>();
    try {
      Enumeration<URL> folders = classLoader.getResources(CLASSPATH_FOLDER + "/");
      while (folders.hasMoreElements()) {
        URL folder = folders.nextElement();
        roots.put(folder.toString(), new Root(folder, true));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classpath folder " + CLASSPATH_FOLDER, e);
    }
    CodeSource ownCode = FormCatalog.class.getProtectionDomain().getCodeSource();
    if (ownCode != null && ownCode.getLocation() != null) {
      roots.putIfAbsent(ownCode.getLocation().toString(), new Root(ownCode.getLocation(), false));
    }
    if (classLoader instanceof URLClassLoader urls) {
      List.of(urls.getURLs()).forEach(url -> roots.putIfAbsent(url.toString(), new Root(url, false)));
    }
    return roots.values();
  }

  private static void scan(URL root, boolean formsFolder, Map<String, FormDefinition> byId, Set<String> scanned) {
    try {
      if ("file".equals(root.getProtocol())) {
        Path path = Paths.get(root.toURI());
        if (Files.isDirectory(path)) {
          Path folder = formsFolder ? path : path.resolve(CLASSPATH_FOLDER);
          if (scanned.add(folder.toAbsolutePath().normalize().toString())) {
            readFolder(folder, byId);
          }
        } else if (Files.isRegularFile(path) && scanned.add(path.toAbsolutePath().normalize().toString())) {
          try (JarFile jar = new JarFile(path.toFile())) {
            readJar(jar, path.toString(), byId);
          }
        }
      } else {
        // jar: URLs, including a Spring Boot fat jar's nested jars: the connection opens the jar whatever it is in.
        URL jarUrl = "jar".equals(root.getProtocol()) ? root : new URL("jar:" + root + "!/");
        JarURLConnection connection = (JarURLConnection) jarUrl.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          if (scanned.add(jar.getName())) {
            readJar(jar, jar.getName(), byId);
          }
        }
      }
    } catch (URISyntaxException | IOException | ClassCastException e) {
      // Not a folder or a jar (a URL some class loader made up): it cannot hold forms.
    }
  }

  private static void readFolder(Path folder, Map<String, FormDefinition> byId) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(folder)) {
      listing.filter(p -> p.getFileName().toString().endsWith(FILE_SUFFIX)).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list forms in " + folder, e);
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        add(byId, read(in, file.toString()), file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read form " + file, e);
      }
    }
  }

  private static void readJar(JarFile jar, String location, Map<String, FormDefinition> byId) {
    List<JarEntry> entries = jar.stream()
        .filter(e -> !e.isDirectory() && e.getName().startsWith(CLASSPATH_FOLDER + "/")
            && e.getName().endsWith(FILE_SUFFIX) && e.getName().indexOf('/', CLASSPATH_FOLDER.length() + 1) < 0)
        .sorted(Comparator.comparing(JarEntry::getName))
        .toList();
    for (JarEntry entry : entries) {
      String entryLocation = location + "!/" + entry.getName();
      try (InputStream in = jar.getInputStream(entry)) {
        add(byId, read(in, entryLocation), entryLocation);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read form " + entryLocation, e);
      }
    }
  }

  private static FormDefinition read(InputStream in, String location) {
    try {
      return FormDefinition.parse(in);
    } catch (FormDefinitionException e) {
      throw new FormDefinitionException(location + ": " + e.getMessage(), e);
    }
  }

  private static void add(Map<String, FormDefinition> byId, FormDefinition form, String location) {
    FormDefinition earlier = byId.putIfAbsent(form.id(), form);
    if (earlier != null && !earlier.equals(form)) {
      throw new FormDefinitionException("form id '" + form.id() + "' is defined twice, differently (" + location + ")");
    }
  }
}
