package dev.troupe.api.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link K8sNames} over random parts and limits. */
class K8sNamesPropertiesTest {

  private static final Pattern ASCII_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
  private static final Pattern HASH_SUFFIX = Pattern.compile("(^|-)[0-9a-f]{8}$");

  @Provide
  Arbitrary<List<String>> asciiParts() {
    return Arbitraries.strings().ascii().ofMaxLength(120).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<String>> unicodeParts() {
    // Any code points, including supplementary ones and symbols, but no unpaired surrogates.
    Arbitrary<String> part =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .list()
            .ofMaxSize(80)
            .map(cps -> new String(cps.stream().mapToInt(i -> i).toArray(), 0, cps.size()));
    Arbitrary<String> mixed =
        Arbitraries.oneOf(part, Arbitraries.strings().withChars("aZ9-._ éß").ofMaxLength(80));
    return mixed.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property
  void asciiNamesAreValidAndBounded(
      @ForAll("asciiParts") List<String> parts, @ForAll @IntRange(min = 20, max = 253) int limit) {
    String name = K8sNames.generateWithLengthLimit(limit, parts.toArray(String[]::new));
    assertThat(name.length()).isLessThanOrEqualTo(limit);
    assertThat(name).matches(ASCII_NAME).containsPattern(HASH_SUFFIX);
    assertThat(name).endsWith(hashOf(parts));
  }

  @Property
  void unicodeNamesAreBoundedInBytesAndEndWithTheHash(
      @ForAll("unicodeParts") List<String> parts,
      @ForAll @IntRange(min = 20, max = 253) int limit) {
    String name = K8sNames.generateWithLengthLimit(limit, parts.toArray(String[]::new));
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
    assertThat(name).isNotEmpty().containsPattern(HASH_SUFFIX).endsWith(hashOf(parts));
    int first = name.codePointAt(0);
    assertThat(Character.isLetterOrDigit(first)).as("first code point of %s", name).isTrue();
    assertThat(
            name.codePoints()
                .allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '-' || cp == '.'))
        .as("code points of %s", name)
        .isTrue();
    // Well-formed UTF-16: a cut never splits a surrogate pair.
    assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(name);
  }

  @Property
  void aNameThatFitsIsIndependentOfTheLimit(
      @ForAll("asciiParts") List<String> parts, @ForAll @IntRange(min = 20, max = 253) int limit) {
    String[] array = parts.toArray(String[]::new);
    String full = K8sNames.generate(array);
    String limited = K8sNames.generateWithLengthLimit(limit, array);
    int n = array.length;
    int maxBase = limit - 8 - n;
    boolean nothingCut = true;
    for (int i = 0; i < n; i++) {
      int allowance = maxBase / n + (i < maxBase % n ? 1 : 0);
      nothingCut &= K8sNames.sanitize(array[i]).length() <= allowance;
    }
    if (nothingCut) {
      assertThat(limited).isEqualTo(full);
    } else {
      assertThat(limited.length()).isLessThanOrEqualTo(full.length());
    }
  }

  @Property
  void generateIsTheLimit253Variant(@ForAll("unicodeParts") List<String> parts) {
    String[] array = parts.toArray(String[]::new);
    assertThat(K8sNames.generate(array)).isEqualTo(K8sNames.generateWithLengthLimit(253, array));
  }

  private static String hashOf(List<String> parts) {
    return K8sNames.hash(String.join("-", parts));
  }
}
