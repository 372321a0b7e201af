package dev.troupe.cli.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A shortest edit script between two lists of lines, by Myers' O(ND) algorithm ("An O(ND)
 * Difference Algorithm and Its Variations", 1986): the greedy forward search over diagonals,
 * keeping the furthest-reaching x of each diagonal per edit distance d, then a walk back through
 * those snapshots. Memory is O(D²) for D edits, which suits rendered objects (one YAML document
 * each, a few hundred lines); the linear-space refinement is not needed here.
 */
final class LineDiff {
  /** What happens to one line. */
  enum Op {
    EQUAL,
    DELETE,
    INSERT
  }

  /** One line of the script: kept, only in the old list, or only in the new one. */
  record Edit(Op op, String line) {}

  private LineDiff() {}

  /** The edits that turn {@code a} into {@code b}, in order; a minimal number of non-EQUAL ones. */
  static List<Edit> diff(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int distance = -1;
    search:
    for (int d = 0; d <= max; d++) {
      // v[k] for k in [-d, d] before this step: what the walk back needs to find each step's
      // origin.
      int[] snapshot = new int[2 * d + 1];
      System.arraycopy(v, offset - d, snapshot, 0, 2 * d + 1);
      trace.add(snapshot);
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1]; // down: insert b[y]
        } else {
          x = v[offset + k - 1] + 1; // right: delete a[x]
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          distance = d;
          break search;
        }
      }
    }
    return walkBack(a, b, trace, distance);
  }

  private static List<Edit> walkBack(List<String> a, List<String> b, List<int[]> trace, int dist) {
    List<Edit> out = new ArrayList<>();
    int x = a.size();
    int y = b.size();
    for (int d = dist; d > 0; d--) {
      int[] v = trace.get(d);
      int k = x - y;
      boolean down = k == -d || (k != d && at(v, d, k - 1) < at(v, d, k + 1));
      int prevK = down ? k + 1 : k - 1;
      int prevX = at(v, d, prevK);
      int prevY = prevX - prevK;
      int startX = down ? prevX : prevX + 1;
      int startY = down ? prevY + 1 : prevY;
      while (x > startX && y > startY) {
        out.add(new Edit(Op.EQUAL, a.get(x - 1)));
        x--;
        y--;
      }
      if (down) {
        out.add(new Edit(Op.INSERT, b.get(prevY)));
      } else {
        out.add(new Edit(Op.DELETE, a.get(prevX)));
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      out.add(new Edit(Op.EQUAL, a.get(x - 1)));
      x--;
      y--;
    }
    Collections.reverse(out);
    return out;
  }

  /** v[k] of the snapshot taken at the start of step d. */
  private static int at(int[] snapshot, int d, int k) {
    return snapshot[k + d];
  }
}
