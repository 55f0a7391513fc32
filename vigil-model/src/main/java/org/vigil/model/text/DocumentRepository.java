package org.vigil.model.text;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.model.AccessContext;

/**
 * Stored texts. Writes need write access to the owner; reads return only what the caller may read
 * (owner, classification, sharing) and reads of NATIONAL or RESTRICTED texts are audited.
 */
public interface DocumentRepository {
  /**
   * Fingerprints (own texts and grouped near-duplicates) of an owner's texts, for de-duplication.
   */
  List<Fingerprint> fingerprints(AccessContext ctx, String owner);

  /**
   * Stores new texts and grouped near-duplicates in one transaction with one audit entry: all or
   * nothing.
   *
   * @return the stored texts with their ids, in the order given
   */
  List<TextDocument> store(
      AccessContext ctx, List<TextDocument> drafts, List<DocumentAlias> aliases);

  /** One text, when it exists and the caller may read it (audited when NATIONAL/RESTRICTED). */
  Optional<TextDocument> find(AccessContext ctx, long id);

  /** The readable texts among {@code ids}, in the order given (audited as one read). */
  List<TextDocument> byIds(AccessContext ctx, List<Long> ids);

  /** Every text in id order (system context only: the search index is rebuilt from it). */
  void forEach(AccessContext ctx, Consumer<TextDocument> each);

  /** The sharing agreements that let the caller read other organisations' texts. */
  List<ReadGrant> grants(AccessContext ctx);
}
