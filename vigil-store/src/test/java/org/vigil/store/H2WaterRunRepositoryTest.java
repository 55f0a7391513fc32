package org.vigil.store;

/** The water run repository contract on H2. */
class H2WaterRunRepositoryTest extends WaterRunRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
