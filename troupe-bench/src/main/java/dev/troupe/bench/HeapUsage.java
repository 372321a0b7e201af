package dev.troupe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** Heap figures of this JVM: live heap after a full collection, peak and maximum. */
final class HeapUsage {
  private HeapUsage() {}

  /** Heap in use after {@code System.gc()} (what the reachable objects occupy, roughly). */
  static long liveBytes() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The sum of the heap pools' peak usage since start (or the last reset). */
  static long peakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** {@code 123.4 MiB}. */
  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
