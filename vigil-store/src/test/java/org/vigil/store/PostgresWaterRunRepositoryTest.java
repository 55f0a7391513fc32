package org.vigil.store;

/** The water run repository contract on PostgreSQL (embedded). */
class PostgresWaterRunRepositoryTest extends WaterRunRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
