package org.vigil.store;

/** Batch crash safety on PostgreSQL (embedded). */
class PostgresBatchSafetyTest extends BatchSafetyContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
