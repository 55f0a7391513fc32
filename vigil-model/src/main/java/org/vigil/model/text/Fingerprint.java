package org.vigil.model.text;

/** A stored text's fingerprints: the document it belongs to, its exact hash and SimHash. */
public record Fingerprint(long documentId, String contentHash, long simhash) {}
