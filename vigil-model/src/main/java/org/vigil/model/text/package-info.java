/** Stored texts of the text pipeline (issue 11): documents, fingerprints, extractions. */
package org.vigil.model.text;
