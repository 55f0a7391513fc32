package org.vigil.store;

/** The store contract on PostgreSQL (embedded, one server for the test JVM). */
class PostgresStoreTest extends StoreContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
