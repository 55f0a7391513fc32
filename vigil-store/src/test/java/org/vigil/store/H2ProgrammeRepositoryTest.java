package org.vigil.store;

/** The programme repository contract on H2. */
class H2ProgrammeRepositoryTest extends ProgrammeRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
