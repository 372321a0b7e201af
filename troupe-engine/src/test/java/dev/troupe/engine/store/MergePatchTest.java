package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON merge patch: the examples of RFC 7386 appendix A, plus member order. */
class MergePatchTest {

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'a':'b'}               | {'a':'c'}            | {'a':'c'}",
        "{'a':'b'}               | {'b':'c'}            | {'a':'b','b':'c'}",
        "{'a':'b'}               | {'a':null}           | {}",
        "{'a':'b','b':'c'}       | {'a':null}           | {'b':'c'}",
        "{'a':['b']}             | {'a':'c'}            | {'a':'c'}",
        "{'a':'c'}               | {'a':['b']}          | {'a':['b']}",
        "{'a':{'b':'c'}}         | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}       | {'a':[1]}            | {'a':[1]}",
        "['a','b']               | ['c','d']            | ['c','d']",
        "{'a':'b'}               | ['c']                | ['c']",
        "{'a':'foo'}             | null                 | null",
        "{'a':'foo'}             | 'bar'                | 'bar'",
        "{'e':null}              | {'a':1}              | {'e':null,'a':1}",
        "[1,2]                   | {'a':'b','c':null}   | {'a':'b'}",
        "{}                      | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
        "{'x':1,'y':2,'z':3}     | {'y':null,'w':4,'x':5} | {'x':5,'z':3,'w':4}",
      })
  void appliesPatch(String target, String patch, String expected) throws Exception {
    JsonNode result = MergePatch.apply(read(target), read(patch));

    assertThat(result.toString()).isEqualTo(read(expected).toString());
  }

  private static JsonNode read(String json) throws Exception {
    return Codec.JSON.readTree(json.replace('\'', '"'));
  }
}
