package org.vigil.model;

import java.time.LocalDate;
import java.util.List;

/** Events and documents from public records, each with an owner and classification. */
public interface EventRepository {
  Event addEvent(AccessContext ctx, Event event);

  /** Readable events in a date range, optionally filtered (empty area or null domain = all). */
  List<Event> events(
      AccessContext ctx, LocalDate from, LocalDate to, String area, ThreatDomain domain);

  Document addDocument(AccessContext ctx, Document document);

  /** Readable documents whose title or text contains the query (case-insensitive). */
  List<Document> documents(AccessContext ctx, String query, String area, ThreatDomain domain);
}
