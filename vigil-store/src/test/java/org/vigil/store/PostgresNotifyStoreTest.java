package org.vigil.store;

/** The notification store contract on PostgreSQL (embedded). */
class PostgresNotifyStoreTest extends NotifyStoreContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
