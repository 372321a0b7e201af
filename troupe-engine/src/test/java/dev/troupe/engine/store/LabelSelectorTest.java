package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.engine.store.LabelSelector.Operator;
import dev.troupe.engine.store.LabelSelector.Requirement;
import dev.troupe.engine.store.StoreException.Invalid;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The label selector text form: parsing, matching, canonical text and error messages. */
class LabelSelectorTest {

  @Test
  void parsesEveryOperator() {
    LabelSelector s =
        LabelSelector.parse(
            " app = web , tier==db, env!=prod, openchoreo.dev/project in (shop, blog),"
                + " zone notin (a), canary, !legacy");

    assertThat(s.requirements())
        .containsExactly(
            new Requirement("app", Operator.EQUALS, List.of("web")),
            new Requirement("tier", Operator.EQUALS, List.of("db")),
            new Requirement("env", Operator.NOT_EQUALS, List.of("prod")),
            new Requirement("openchoreo.dev/project", Operator.IN, List.of("shop", "blog")),
            new Requirement("zone", Operator.NOT_IN, List.of("a")),
            new Requirement("canary", Operator.EXISTS, List.of()),
            new Requirement("legacy", Operator.DOES_NOT_EXIST, List.of()));
    assertThat(s.toString())
        .isEqualTo(
            "app=web,tier=db,env!=prod,openchoreo.dev/project in (shop,blog),zone notin (a),"
                + "canary,!legacy");
  }

  @Test
  void blankSelectsEverything() {
    assertThat(LabelSelector.parse("  ").isEverything()).isTrue();
    assertThat(LabelSelector.parse(null).matches(Map.of())).isTrue();
  }

  @Test
  void emptyValueIsAllowedForEquality() {
    LabelSelector s = LabelSelector.parse("a=");

    assertThat(s.matches(Map.of("a", ""))).isTrue();
    assertThat(s.matches(Map.of("a", "x"))).isFalse();
  }

  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=b          | a=b     | true",
        "a=b          | a=c     | false",
        "a=b          | ''      | false",
        "a!=b         | ''      | true",
        "a!=b         | a=b     | false",
        "a in (b,c)   | a=c     | true",
        "a in (b,c)   | ''      | false",
        "a notin (b)  | ''      | true",
        "a notin (b)  | a=b     | false",
        "a            | a=      | true",
        "!a           | a=      | false",
        "a,b=1        | a=x;b=1 | true",
        "a,b=1        | b=1     | false",
      })
  void matches(String selector, String labels, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(labels(labels))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a in (b        | expected \",\" or \")\" to close the value list at position 8, found end"
            + " of input",
        "a in b         | expected \"(\" after \"in\" at position 6, found \"b\"",
        "a in ()        | expected at least one value for \"in\" at position 7, found \")\"",
        "a b            | expected an operator (=, ==, !=, in, notin) after \"a\" at position 3,"
            + " found \"b\"",
        "a=b,           | expected a label key at position 5, found end of input",
        ",a             | expected a label key at position 1, found \",\"",
        "a=b c          | expected \",\" between requirements at position 5, found \"c\"",
        "-a=b           | expected a valid label key at position 1, \"-a\" must have a name",
        "Foo/a=b        | expected a valid label key at position 1, \"Foo/a\" has a prefix",
        "a=-b           | expected a valid label value at position 3, \"-b\" must be at most 63",
      })
  void reportsWhereParsingFailed(String selector, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Invalid.Reason.InvalidSelector);
              assertThat(e.field()).isEqualTo("labelSelector");
            })
        .hasMessageStartingWith("invalid label selector \"" + selector + "\": " + message);
  }

  @Property
  void canonicalTextParsesBack(@ForAll("selectors") LabelSelector selector) {
    assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
  }

  @Provide
  Arbitrary<LabelSelector> selectors() {
    Arbitrary<String> names =
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> keys =
        Combinators.combine(Arbitraries.of("", "openchoreo.dev/", "x.io/"), names)
            .as(String::concat);
    Arbitrary<Requirement> requirements =
        Combinators.combine(
                keys, Arbitraries.of(Operator.class), names.list().ofMinSize(1).ofMaxSize(3))
            .as(
                (k, op, vs) ->
                    switch (op) {
                      case EQUALS, NOT_EQUALS -> new Requirement(k, op, vs.subList(0, 1));
                      case IN, NOT_IN -> new Requirement(k, op, vs);
                      case EXISTS, DOES_NOT_EXIST -> new Requirement(k, op, List.of());
                    });
    return requirements.list().ofMaxSize(4).map(LabelSelector::new);
  }

  private static Map<String, String> labels(String text) {
    if (text.isEmpty()) {
      return Map.of();
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : text.split(";")) {
      String[] kv = pair.split("=", -1);
      out.put(kv[0], kv[1]);
    }
    return out;
  }
}
