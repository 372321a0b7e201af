/**
 * The YAML/JSON codec: reads multi-document streams (YAML 1.2 core schema, duplicate keys detected,
 * map order kept) into Jackson trees with the source position of every node, and writes objects
 * back in a form that round-trips.
 */
package dev.troupe.api.codec;
