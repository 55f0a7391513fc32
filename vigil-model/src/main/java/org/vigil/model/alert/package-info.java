/** Alerts raised by rules over the stored data, with append-only state history. */
package org.vigil.model.alert;
