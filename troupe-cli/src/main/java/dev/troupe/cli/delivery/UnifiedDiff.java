package dev.troupe.cli.delivery;

import dev.troupe.cli.delivery.LineDiff.Edit;
import dev.troupe.cli.delivery.LineDiff.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats an edit script as a unified diff (the format of {@code diff -u} and {@code git diff}):
 * {@code ---}/{@code +++} headers, then hunks of changed lines with {@code context} unchanged lines
 * around them; changes closer than twice the context share a hunk.
 */
final class UnifiedDiff {
  private UnifiedDiff() {}

  /**
   * The unified diff of {@code a} and {@code b}, labelled {@code fromLabel} and {@code toLabel};
   * empty when the lists are equal.
   */
  static String of(String fromLabel, String toLabel, List<String> a, List<String> b, int context) {
    List<Edit> edits = LineDiff.diff(a, b);
    if (edits.stream().allMatch(e -> e.op() == Op.EQUAL)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(fromLabel).append('\n');
    out.append("+++ ").append(toLabel).append('\n');
    // Old and new line numbers (0-based) before each edit.
    int[] oldAt = new int[edits.size() + 1];
    int[] newAt = new int[edits.size() + 1];
    for (int i = 0; i < edits.size(); i++) {
      Op op = edits.get(i).op();
      oldAt[i + 1] = oldAt[i] + (op == Op.INSERT ? 0 : 1);
      newAt[i + 1] = newAt[i] + (op == Op.DELETE ? 0 : 1);
    }
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == Op.EQUAL) {
        i++;
        continue;
      }
      int start = Math.max(0, i - context);
      int end = i; // exclusive end of the hunk's changes, extended while changes are close
      int j = i;
      while (j < edits.size()) {
        if (edits.get(j).op() != Op.EQUAL) {
          end = j + 1;
          j++;
          continue;
        }
        int run = j;
        while (run < edits.size() && edits.get(run).op() == Op.EQUAL) {
          run++;
        }
        if (run < edits.size() && run - j <= 2 * context) {
          j = run;
        } else {
          break;
        }
      }
      int stop = Math.min(edits.size(), end + context);
      hunk(out, edits, start, stop, oldAt, newAt);
      i = stop;
    }
    return out.toString();
  }

  private static void hunk(
      StringBuilder out, List<Edit> edits, int start, int stop, int[] oldAt, int[] newAt) {
    int oldLen = oldAt[stop] - oldAt[start];
    int newLen = newAt[stop] - newAt[start];
    out.append("@@ -")
        .append(range(oldAt[start], oldLen))
        .append(" +")
        .append(range(newAt[start], newLen))
        .append(" @@\n");
    for (Edit e : edits.subList(start, stop)) {
      char mark =
          switch (e.op()) {
            case EQUAL -> ' ';
            case DELETE -> '-';
            case INSERT -> '+';
          };
      out.append(mark).append(e.line()).append('\n');
    }
  }

  /**
   * {@code start,len} as diff prints it: 1-based start, the length left out when it is 1, and an
   * empty range numbered after the line it follows.
   */
  static String range(int zeroBasedStart, int len) {
    if (len == 0) {
      return zeroBasedStart + ",0";
    }
    int first = zeroBasedStart + 1;
    return len == 1 ? Integer.toString(first) : first + "," + len;
  }

  /** All lines of one side as added ({@code +}) or removed ({@code -}): an object only there. */
  static String whole(String fromLabel, String toLabel, List<String> lines, boolean added) {
    List<String> empty = List.of();
    return of(fromLabel, toLabel, added ? empty : lines, added ? lines : empty, 0);
  }

  /** The lines of a text, without the final line break. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.getLast().isEmpty()) {
      out.removeLast();
    }
    return out;
  }
}
