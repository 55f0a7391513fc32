package org.vigil.store;

/** Ownership rules on PostgreSQL (embedded, one server for the test JVM). */
class PostgresOwnershipTest extends OwnershipContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
