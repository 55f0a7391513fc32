package org.vigil.store;

/** The programme repository contract on PostgreSQL (embedded). */
class PostgresProgrammeRepositoryTest extends ProgrammeRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
