package org.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap use read from a JVM's own GC log ({@code -Xlog:gc:file=...}): the peak is the largest heap in use
 * when a collection started (heap use only grows between collections), the live size is what the last
 * full collection ({@code System.gc()} or {@code jcmd GC.run} at the end of the run) left.
 */
final class GcLog {

  private static final Pattern PAUSE = Pattern.compile("Pause (.*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private GcLog() {
  }

  static Map<String, Object> read(Path log) {
    Map<String, Object> heap = new LinkedHashMap<>();
    long peak = 0;
    long committed = 0;
    long collections = 0;
    Long live = null;
    try {
      for (String line : Files.readAllLines(log)) {
        Matcher m = PAUSE.matcher(line);
        if (m.find()) {
          collections++;
          peak = Math.max(peak, Long.parseLong(m.group(2)));
          committed = Math.max(committed, Long.parseLong(m.group(4)));
          if (m.group(1).startsWith("Full")) {
            live = Long.parseLong(m.group(3));
          }
        }
      }
    } catch (IOException e) {
      heap.put("error", "no GC log: " + e.getMessage());
      return heap;
    }
    heap.put("peakHeapMb", peak);
    heap.put("maxCommittedHeapMb", committed);
    heap.put("liveHeapAfterRunMb", live);
    heap.put("collections", collections);
    heap.put("source", "GC log " + log.getFileName());
    return heap;
  }
}
