/**
 * The HDAG descriptor model: immutable records from {@link dev.smo.model.HdaGraph} down, parsed from YAML or JSON by
 * {@link dev.smo.model.Descriptors}, which also validates them; {@link dev.smo.model.InvalidDescriptorException}
 * lists every {@link dev.smo.model.Violation} with its JSON-pointer path.
 */
package dev.smo.model;
