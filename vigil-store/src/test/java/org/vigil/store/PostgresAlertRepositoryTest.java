package org.vigil.store;

/** The alert repository contract on PostgreSQL (embedded). */
class PostgresAlertRepositoryTest extends AlertRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
