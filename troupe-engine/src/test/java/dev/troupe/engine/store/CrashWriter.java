package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link SqliteCrashTest}: opens the store and writes from several threads
 * until it is killed. After each acknowledged write it prints {@code ACK create <name>} or {@code
 * ACK update <name> <version>} on stdout.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    Store store = SqliteStore.open(file);
    AtomicInteger sequence = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(Thread.ofPlatform().start(() -> writeForever(store, sequence, out)));
    }
    for (Thread w : writers) {
      w.join();
    }
  }

  private static void writeForever(Store store, AtomicInteger sequence, PrintStream out) {
    while (true) {
      int n = sequence.incrementAndGet();
      String name = "obj-" + n;
      ObjectNode o = Trees.object("Component", "default", name);
      Trees.spec(o).put("version", 0).put("payload", "x".repeat(n % 700));
      store.create(o);
      ack(out, "ACK create " + name);
      if (n % 3 == 0) {
        String target = "obj-" + (n / 2);
        ObjectNode patch = Trees.json("{'spec':{'version':" + n + "}}");
        try {
          store.patch("Component", "default", target, patch, null);
          ack(out, "ACK update " + target + " " + n);
        } catch (StoreException.NotFound e) {
          // written by a thread that has not got there yet
        }
      }
    }
  }

  private static void ack(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
