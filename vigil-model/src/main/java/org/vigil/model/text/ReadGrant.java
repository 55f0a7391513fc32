package org.vigil.model.text;

/** A sharing agreement as it applies to a reader: grantor's records of a class in a domain. */
public record ReadGrant(String grantor, String classification, String domain) {}
