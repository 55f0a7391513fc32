package org.vigil.store;

/** The text store's contract on PostgreSQL (embedded). */
class PostgresDocumentRepositoryTest extends DocumentRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
