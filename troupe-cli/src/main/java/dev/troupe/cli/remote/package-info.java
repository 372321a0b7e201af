/**
 * The CLI verbs that talk to a Troupe server (delivery.md §9.2): {@code apply}, {@code get}, {@code
 * describe}, {@code delete}, {@code wait} and {@code events}, with kubectl's conventions (verb-noun
 * grammar, {@code -o}, {@code -l}, {@code -n}/{@code -A}, {@code -w} over the REST watch, exit
 * codes 0/1/2/3).
 *
 * <p>Printer columns are evaluated here with a small JSONPath subset ({@link
 * dev.troupe.cli.remote.JsonPath}) rather than a JSONPath library: the columns use a handful of
 * forms, and the CLI keeps its dependencies to picocli and Jackson.
 */
package dev.troupe.cli.remote;
