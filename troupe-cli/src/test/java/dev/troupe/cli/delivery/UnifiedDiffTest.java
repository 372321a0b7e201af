package dev.troupe.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unified format as diff -u prints it. */
class UnifiedDiffTest {

  @Test
  void equalTextsGiveNothing() {
    assertThat(UnifiedDiff.of("a", "b", List.of("x", "y"), List.of("x", "y"), 3)).isEmpty();
  }

  @Test
  void oneChangeWithContext() {
    List<String> a = numbered(10);
    List<String> b = new ArrayList<>(a);
    b.set(4, "five");
    assertThat(UnifiedDiff.of("old", "new", a, b, 3))
        .isEqualTo(
            """
            --- old
            +++ new
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            """);
  }

  @Test
  void distantChangesGetTwoHunksAndCloseOnesShareOne() {
    List<String> a = numbered(20);
    List<String> b = new ArrayList<>(a);
    b.set(1, "two");
    b.set(17, "eighteen");
    String twoHunks = UnifiedDiff.of("a", "b", a, b, 2);
    assertThat(twoHunks).contains("@@ -1,4 +1,4 @@\n").contains("@@ -16,5 +16,5 @@\n");

    List<String> c = new ArrayList<>(a);
    c.set(1, "two");
    c.set(6, "seven"); // 4 unchanged lines between: within 2 × context
    String oneHunk = UnifiedDiff.of("a", "b", a, c, 2);
    assertThat(oneHunk.lines().filter(l -> l.startsWith("@@"))).containsExactly("@@ -1,9 +1,9 @@");
  }

  @Test
  void insertionAtTheStartAndRangesOfOneLine() {
    assertThat(UnifiedDiff.of("a", "b", List.of("x"), List.of("new", "x"), 0))
        .isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n");
    assertThat(UnifiedDiff.of("a", "b", List.of("x", "y"), List.of("x"), 0))
        .isEqualTo("--- a\n+++ b\n@@ -2 +1,0 @@\n-y\n");
  }

  @Test
  void aWholeObjectAddedOrRemoved() {
    assertThat(UnifiedDiff.whole("/dev/null", "b/x", List.of("k: v", "n: 1"), true))
        .isEqualTo("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+k: v\n+n: 1\n");
    assertThat(UnifiedDiff.whole("a/x", "/dev/null", List.of("k: v"), false))
        .isEqualTo("--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-k: v\n");
  }

  @Test
  void linesDropOnlyTheFinalBreak() {
    assertThat(UnifiedDiff.lines("a\n\nb\n")).containsExactly("a", "", "b");
  }

  private static List<String> numbered(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }
}
