package dev.troupe.api.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.model.Resource;

/**
 * An object that passed admission: its kind, the canonical defaulted tree (what would be stored and
 * what {@code validate -o yaml} prints), the typed record, and the document it came from.
 */
public record AdmittedObject(KindDef kind, ObjectNode tree, Resource resource, Document source) {}
